namespace NightLeg.Tests.Support;

/// <summary>Finds the repository root (the folder holding NightLeg.sln) from the test binaries.</summary>
public static class RepositoryRoot
{
    public static string Path { get; } = Find();

    public static string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "NightLeg.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"NightLeg.sln not found above {AppContext.BaseDirectory}");
    }
}
