namespace NightLeg.Tests.Support;

/// <summary>
/// A small file system of its own (a tmpfs mounted for the test), to make a disk really full or
/// really read-only — conditions that also hold for root, unlike permissions. Needs root (CI and
/// this machine run the tests as root) or password-less sudo; says so when it has neither.
/// Dispose to unmount.
/// </summary>
public sealed class ScratchDisk : IDisposable
{
    private ScratchDisk(string path)
    {
        Path = path;
    }

    /// <summary>The mount point.</summary>
    public string Path { get; }

    /// <summary>Mounts a tmpfs of <paramref name="bytes"/> (rounded up to pages).</summary>
    public static ScratchDisk Mount(long bytes)
    {
        var path = Directory.CreateTempSubdirectory("nightleg-disk-").FullName;
        Run("mount", "-t", "tmpfs", "-o", $"size={bytes},mode=0755", "tmpfs", path);
        return new ScratchDisk(path);
    }

    /// <summary>Makes the file system read-only (files already there stay readable).</summary>
    public void MakeReadOnly() => Run("mount", "-o", "remount,ro", Path);

    /// <summary>Fills the disk with a filler file until writing fails; returns the filler's path.</summary>
    public string Fill()
    {
        var filler = System.IO.Path.Combine(Path, "filler");
        using var stream = new FileStream(filler, FileMode.Create, FileAccess.Write, FileShare.None, 1);
        var block = new byte[64 * 1024];
        try
        {
            while (true)
            {
                stream.Write(block);
            }
        }
        catch (IOException)
        {
            // Full.
        }

        try
        {
            // Also the last few bytes, so that not even a page fits.
            while (true)
            {
                stream.Write(block, 0, 1);
            }
        }
        catch (IOException)
        {
        }

        return filler;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        try
        {
            Run("umount", "-l", Path);
            Directory.Delete(Path);
        }
        catch (InvalidOperationException)
        {
            // Best effort at the end of a test.
        }
    }

    private static void Run(string command, params string[] args)
    {
        var root = Environment.UserName == "root" || Environment.GetEnvironmentVariable("USER") == "root";
        var (code, _, error) = root ? Tool.Run(command, args) : Tool.Run("sudo", ["-n", command, .. args]);
        if (code != 0)
        {
            throw new InvalidOperationException($"`{command} {string.Join(' ', args)}` failed ({code}): {error.Trim()} — these tests need root or password-less sudo to mount a small tmpfs");
        }
    }
}
