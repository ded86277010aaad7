using System.Globalization;

namespace NightLeg.Sync.Storage;

/// <summary>
/// Where a database's automatic backups live — <c>backups/&lt;name&gt;-yyyy-MM-dd.db</c> beside it,
/// owner-only — and which are kept (the newest <see cref="Keep"/>). Does no copying itself:
/// <see cref="NightLegDatabase.BackUp"/> makes the copy.
/// </summary>
public sealed class DatabaseBackups
{
    /// <summary>Daily backups kept.</summary>
    public const int Keep = 7;

    private readonly string _name;

    private DatabaseBackups(string folder, string name)
    {
        Folder = folder;
        _name = name;
    }

    /// <summary>The backups folder.</summary>
    public string Folder { get; }

    /// <summary>The backups of the database at <paramref name="databasePath"/>.</summary>
    public static DatabaseBackups For(string databasePath)
    {
        var full = Path.GetFullPath(databasePath);
        return new DatabaseBackups(Path.Combine(Path.GetDirectoryName(full)!, "backups"), Path.GetFileNameWithoutExtension(full));
    }

    /// <summary>The file for the backup of <paramref name="date"/>.</summary>
    public string PathFor(DateOnly date) => Path.Combine(Folder, $"{_name}-{date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}.db");

    /// <summary>
    /// True when the backups folder is a symbolic link (or sits under one NightLeg did not make): NightLeg
    /// then neither writes backups there nor prunes or restricts what is there — it may be a folder of the user's.
    /// </summary>
    public bool IsLink => new DirectoryInfo(Folder) is { Exists: true, LinkTarget: not null };

    /// <summary>The backups there are, oldest first: files named as NightLeg names them, not links (never a folder reached through a link).</summary>
    public IReadOnlyList<(DateOnly Date, FileInfo File)> List()
    {
        if (!Directory.Exists(Folder) || IsLink)
        {
            return [];
        }

        var prefix = _name + "-";
        return new DirectoryInfo(Folder).EnumerateFiles(prefix + "*.db")
            .Select(f => (Ok: DateOnly.TryParseExact(f.Name[prefix.Length..^3], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d), Date: d, File: f))
            .Where(x => x.Ok && x.File.LinkTarget is null)
            .Select(x => (x.Date, x.File))
            .OrderBy(x => x.Date)
            .ToList();
    }

    /// <summary>The newest backup, or null.</summary>
    public FileInfo? Newest() => List() is { Count: > 0 } all ? all[^1].File : null;

    /// <summary>
    /// Deletes all but the newest <paramref name="keep"/> backups — only among files <paramref name="isOurs"/> says
    /// NightLeg wrote (a NightLeg database), so a file of the user's that happens to be named like one stays;
    /// returns how many went.
    /// </summary>
    public int Prune(Func<string, bool> isOurs, int keep = Keep)
    {
        var ours = List().Where(b => isOurs(b.File.FullName)).ToList();
        var removed = 0;
        foreach (var (_, file) in ours.Take(Math.Max(0, ours.Count - keep)))
        {
            file.Delete();
            removed++;
        }

        return removed;
    }
}
