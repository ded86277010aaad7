using System.Buffers.Binary;
using System.Text;

namespace NightLeg.Sync.Storage;

/// <summary>
/// Looks at a database path before LiteDB may touch it, reading only: a path that holds anything
/// but a LiteDB file of the right shape is refused and left byte for byte as it was. LiteDB 5 file
/// layout: 8 KiB pages; page 0 is the header page with <c>"** This is a LiteDB file **"</c> at
/// offset 32, the file version (8) at 59 and the last page id at 64; an encrypted file starts with
/// a byte 1 and a 16-byte salt, then the encrypted pages.
/// </summary>
public static class DatabaseFile
{
    /// <summary>LiteDB's page size.</summary>
    public const int PageSize = 8192;

    private const int HeaderInfoOffset = 32;
    private const int FileVersionOffset = 59;
    private const int LastPageIdOffset = 64;
    private const byte FileVersion = 8;
    private static readonly byte[] HeaderInfo = Encoding.ASCII.GetBytes("** This is a LiteDB file **");

    /// <summary>What lies at a path.</summary>
    public enum Kind
    {
        /// <summary>Nothing, or an empty file: a new database may be created there.</summary>
        New,

        /// <summary>A plain LiteDB file whose length agrees with its header.</summary>
        LiteDb,

        /// <summary>An encrypted LiteDB file (checked further only with its password).</summary>
        EncryptedLiteDb,
    }

    /// <summary>
    /// What <paramref name="path"/> holds, reading only. Throws <see cref="StorageException"/> for a
    /// folder, an unreadable or unwritable file, a file that is not a LiteDB database
    /// (<see cref="StorageProblem.NotOurs"/>) and one cut short (<see cref="StorageProblem.Damaged"/>).
    /// </summary>
    public static Kind Inspect(string path, bool needWrite = true)
    {
        if (Directory.Exists(path))
        {
            throw new StorageException($"{path} is a folder, not a database file; give a file path such as {Path.Combine(path, "nightleg.db")}", problem: StorageProblem.Access);
        }

        if (!File.Exists(path))
        {
            return Kind.New;
        }

        var header = new byte[PageSize];
        long length;
        int read;
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1);
            length = stream.Length;
            read = stream.ReadAtLeast(header, header.Length, throwOnEndOfStream: false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new StorageException($"{path} cannot be read: {Reason(e)}", e, StorageProblem.Access);
        }

        if (length == 0)
        {
            RequireWritable(path, needWrite);
            return Kind.New;
        }

        Kind kind;
        if (read >= LastPageIdOffset + 4 && header.AsSpan(HeaderInfoOffset, HeaderInfo.Length).SequenceEqual(HeaderInfo))
        {
            if (header[FileVersionOffset] != FileVersion)
            {
                throw new StorageException($"{path} is a LiteDB file of another version ({header[FileVersionOffset]}), not a NightLeg database; NightLeg has not changed it. Choose another path with --db", problem: StorageProblem.NotOurs);
            }

            var pages = (long)BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(LastPageIdOffset)) + 1;
            if (length % PageSize != 0 || length < pages * PageSize)
            {
                throw Damaged(path, $"it is {length:N0} bytes but its header says {pages * PageSize:N0} — it was cut short");
            }

            kind = Kind.LiteDb;
        }
        else if (read == PageSize && header[0] == 1 && length % PageSize == 0 && length >= 2 * PageSize)
        {
            kind = Kind.EncryptedLiteDb;
        }
        else
        {
            throw new StorageException($"{path} is not a NightLeg database (it is not a LiteDB file); NightLeg has not changed it. Choose another path with --db", problem: StorageProblem.NotOurs);
        }

        RequireWritable(path, needWrite);
        return kind;
    }

    /// <summary>The exception for a damaged database, with how to recover.</summary>
    public static StorageException Damaged(string path, string what, Exception? inner = null)
    {
        var newest = DatabaseBackups.For(path).Newest();
        var restore = newest is null
            ? "there is no backup of it yet"
            : $"restore the last good backup ({newest.FullName}, {newest.LastWriteTime:yyyy-MM-dd HH:mm}) with: cp {newest.FullName} {path}";
        return new StorageException(
            $"{path} is damaged ({what}); NightLeg has not changed it. To recover: {restore}; or save what is still readable with: nightleg export --db {path} --out nightleg.json",
            inner, StorageProblem.Damaged);
    }

    /// <summary>True when <paramref name="e"/> (or what caused it) is the disk being full (ENOSPC).</summary>
    public static bool IsDiskFull(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
        {
            if (e is IOException && (e.HResult == 28 || e.Message.Contains("No space left", StringComparison.OrdinalIgnoreCase)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when the disk holding <paramref name="path"/> has less than a megabyte free (false when that cannot be told).</summary>
    public static bool IsLowOnSpace(string? path)
    {
        if (path is null)
        {
            return false;
        }

        try
        {
            return new DriveInfo(Path.GetDirectoryName(Path.GetFullPath(path))!).AvailableFreeSpace < (1 << 20);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return false;
        }
    }

    /// <summary>A short, user-facing reason for an I/O failure (the OS's words, without the path, which the caller names).</summary>
    public static string Reason(Exception e) => e switch
    {
        UnauthorizedAccessException => "permission denied",
        IOException io when io.HResult == 30 || io.Message.Contains("Read-only file system", StringComparison.OrdinalIgnoreCase) => "read-only file system",
        IOException when IsDiskFull(e) => "no space left on the disk",
        _ => Trim(e.Message),
    };

    private static string Trim(string message)
    {
        // .NET appends " : 'path'" to many I/O messages; the caller names the path already.
        var at = message.IndexOf(" : '", StringComparison.Ordinal);
        return (at > 0 ? message[..at] : message).TrimEnd('.', ' ');
    }

    private static void RequireWritable(string path, bool needWrite)
    {
        if (!needWrite)
        {
            return;
        }

        try
        {
            // Opening for writing changes nothing (no truncation, no write, no timestamp).
            using var probe = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete, 1);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new StorageException($"{path} cannot be written: {Reason(e)}", e, StorageProblem.Access);
        }
    }
}
