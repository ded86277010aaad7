using System.Runtime.InteropServices;

namespace NightLeg.Mobile.Web;

/// <summary>What kind of file a path is, as Unix sees it (.NET's file attributes cannot tell a socket from a file).</summary>
internal static class UnixFile
{
    private const uint TypeMask = 0xF000, SocketType = 0xC000;

    /// <summary>True when <paramref name="path"/> is a Unix domain socket (not following a symbolic link); null where this cannot be told (another OS or architecture).</summary>
    public static bool? IsSocket(string path)
    {
        // struct stat: st_mode follows dev and ino (and nlink, on x86-64); the buffer is larger than any layout.
        int? modeOffset = RuntimeInformation.ProcessArchitecture switch
        {
            Architecture.X64 => 24,
            Architecture.Arm64 => 16,
            _ => null,
        };
        if (!OperatingSystem.IsLinux() || modeOffset is not { } offset)
        {
            return null;
        }

        var buffer = new byte[256];
        return Lstat(path, buffer) == 0 ? (BitConverter.ToUInt32(buffer, offset) & TypeMask) == SocketType : false;
    }

    // A plain DllImport: the generated LibraryImport needs unsafe code in the project for one call at start-up.
#pragma warning disable SYSLIB1054
    [DllImport("libc", EntryPoint = "lstat", SetLastError = true)]
    private static extern int Lstat([MarshalAs(UnmanagedType.LPUTF8Str)] string path, byte[] buffer);
#pragma warning restore SYSLIB1054
}
