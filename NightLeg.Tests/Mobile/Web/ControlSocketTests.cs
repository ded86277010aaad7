using System.Net.Sockets;
using NightLeg.Mobile.Web;
using NightLeg.Tests.Support;

namespace NightLeg.Tests.Mobile.Web;

/// <summary>The control socket beside the database: only a socket is ever removed there (issue 21, R11).</summary>
public sealed class ControlSocketTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("nightleg-sock-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Prepare_StaleSocketLeftByACrash_Removed()
    {
        var db = Path.Combine(_dir, "n.db");
        using (var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified))
        {
            socket.Bind(new UnixDomainSocketEndPoint(db + ".sock")); // bound, never unlinked: what a crash leaves
        }

        var (path, problem) = ControlSocket.Prepare(db);

        Assert.Equal(db + ".sock", path);
        Assert.Null(problem);
        Assert.False(File.Exists(db + ".sock"));
    }

    [Fact]
    public void Prepare_AFileOrFolderOfTheUsers_Untouched_NoSocket()
    {
        var db = Path.Combine(_dir, "n.db");
        File.WriteAllText(db + ".sock", "my notes");
        var other = Path.Combine(_dir, "m.db");
        Directory.CreateDirectory(other + ".sock");

        var (path, problem) = ControlSocket.Prepare(db);
        var (folderPath, folderProblem) = ControlSocket.Prepare(other);

        Assert.Null(path);
        Assert.Contains("exists and is not NightLeg's socket; NightLeg has not changed it", problem);
        Assert.Equal("my notes", File.ReadAllText(db + ".sock"));
        Assert.Null(folderPath);
        Assert.NotNull(folderProblem);
        Assert.True(Directory.Exists(other + ".sock"));
    }

    [Fact]
    public async Task Serve_AFileNamedLikeTheSocket_StartsAndLeavesItByteForByte()
    {
        // The repro: a regular file named <db>.sock was deleted at start.
        var db = Path.Combine(_dir, "nightleg.db");
        await File.WriteAllTextAsync(db + ".sock", "mine\n");
        await using var nightleg = NightLegProcess.Start(["serve", "--urls", "http://127.0.0.1:0", "--db", db]);

        await nightleg.WaitForUrlAsync();

        Assert.Equal("mine\n", await File.ReadAllTextAsync(db + ".sock"));
        Assert.Contains("exists and is not NightLeg's socket", nightleg.Stderr);
    }
}
