using System.Runtime.InteropServices;

namespace NightLeg.Sync.Files;

/// <summary>What kind of file a path is, as Unix sees it (.NET's file attributes cannot tell a socket or a named pipe from a file).</summary>
public static class UnixFile
{
    private const uint TypeMask = 0xF000, SocketType = 0xC000, RegularType = 0x8000, DirectoryType = 0x4000;

    /// <summary>True when <paramref name="path"/> is a Unix domain socket (not following a symbolic link); null where this cannot be told (another OS or architecture).</summary>
    public static bool? IsSocket(string path) => Type(path, follow: false) is { } type ? type == SocketType : null;

    /// <summary>
    /// True when <paramref name="path"/> exists and is not a regular file once links are followed — a named pipe
    /// (reading or writing it blocks for ever), a socket, a device; false for a regular file, a missing one, or
    /// where this cannot be told.
    /// </summary>
    public static bool IsSpecial(string path) => Type(path, follow: true) is { } type && type != 0 && type != RegularType && type != DirectoryType;

    /// <summary>The file type bits of <paramref name="path"/>'s mode (0 when it does not exist); null where this cannot be told.</summary>
    private static uint? Type(string path, bool follow)
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
        return (follow ? Stat(path, buffer) : Lstat(path, buffer)) == 0 ? BitConverter.ToUInt32(buffer, offset) & TypeMask : 0;
    }

    // A plain DllImport: the generated LibraryImport needs unsafe code in the project for one call at start-up.
#pragma warning disable SYSLIB1054
    [DllImport("libc", EntryPoint = "lstat", SetLastError = true)]
    private static extern int Lstat([MarshalAs(UnmanagedType.LPUTF8Str)] string path, byte[] buffer);

    [DllImport("libc", EntryPoint = "stat", SetLastError = true)]
    private static extern int Stat([MarshalAs(UnmanagedType.LPUTF8Str)] string path, byte[] buffer);
#pragma warning restore SYSLIB1054
}
