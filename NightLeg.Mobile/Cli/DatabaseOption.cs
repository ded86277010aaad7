using System.CommandLine;
using NightLeg.Sync.Storage;

namespace NightLeg.Mobile.Cli;

/// <summary>The <c>--db</c> option the commands share, and the database it names.</summary>
internal static class DatabaseOption
{
    public static Option<FileInfo?> Create(string description) => new("--db") { Description = description };

    /// <summary>The database's path: the option's, else the default location.</summary>
    public static string PathOf(ParseResult parse, Option<FileInfo?> option) =>
        parse.GetValue(option)?.FullName ?? DatabaseOptions.DefaultPath(Environment.GetEnvironmentVariable);

    /// <summary>How to open it (with the password from the environment, if any).</summary>
    public static DatabaseOptions OptionsOf(ParseResult parse, Option<FileInfo?> option) =>
        new(PathOf(parse, option), DatabaseOptions.PasswordFrom(Environment.GetEnvironmentVariable));
}
