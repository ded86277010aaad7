using NightLeg.Sync.Storage;

namespace NightLeg.Mobile.Cli;

/// <summary>
/// What a start of <c>serve</c> makes beside the database — the database and its log, its lock, the keys
/// folder, the backups folder, the local certificate authority — noted before the start, so a start that
/// fails removes exactly what it made and nothing that was there before.
/// </summary>
internal sealed class StartLeftovers
{
    private readonly List<string> _files = [];
    private readonly List<string> _folders = [];

    private StartLeftovers()
    {
    }

    /// <summary>Notes which of NightLeg's own files beside <paramref name="databasePath"/> do not exist yet.</summary>
    public static StartLeftovers Before(string databasePath)
    {
        var full = Path.GetFullPath(databasePath);
        var folder = Path.GetDirectoryName(full)!;
        var leftovers = new StartLeftovers();
        foreach (var file in (string[])
                 [
                     .. NightLegDatabase.FilesOf(full), full + ".sock",
                     Path.Combine(folder, Web.Tls.LocalCertificateAuthority.CertificateFileName), Path.Combine(folder, Web.Tls.LocalCertificateAuthority.KeyFileName),
                 ])
        {
            if (!File.Exists(file) && !Directory.Exists(file))
            {
                leftovers._files.Add(file);
            }
        }

        foreach (var sub in new[] { "keys", "backups" })
        {
            var path = Path.Combine(folder, sub);
            if (!Directory.Exists(path) && !File.Exists(path))
            {
                leftovers._folders.Add(path);
            }
        }

        return leftovers;
    }

    /// <summary>Removes what did not exist before (best effort: what cannot be removed stays).</summary>
    public void RemoveWhatWasMade()
    {
        foreach (var file in _files.Where(File.Exists))
        {
            Try(() => File.Delete(file));
        }

        foreach (var folder in _folders.Where(Directory.Exists))
        {
            Try(() => Directory.Delete(folder, recursive: true));
        }
    }

    private static void Try(Action remove)
    {
        try
        {
            remove();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // It stays; the start's own message said what failed.
        }
    }
}
