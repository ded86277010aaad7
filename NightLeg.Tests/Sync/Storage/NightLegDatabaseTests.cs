using LiteDB;
using NightLeg.Sync.Storage;

namespace NightLeg.Tests.Sync.Storage;

public sealed class NightLegDatabaseTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("nightleg-db-").FullName;

    private string DbPath => Path.Combine(_dir, "nightleg.db");

    [Fact]
    public void Open_WhileAnotherHoldsIt_IsRefusedNamingTheFile()
    {
        // Arrange
        using var first = NightLegDatabase.Open(new DatabaseOptions(DbPath), TimeProvider.System);

        // Act
        var error = Assert.Throws<StorageException>(() => NightLegDatabase.Open(new DatabaseOptions(DbPath), TimeProvider.System));

        // Assert
        Assert.Contains(DbPath, error.Message);
        Assert.Contains("Another NightLeg is using", error.Message);
    }

    [Fact]
    public void LiteDbsTransactionTable_IsWhereDefuseLooks()
    {
        // Defuse (after a failed write) reaches LiteDB's open transactions by name. A LiteDB update that
        // moves them would make it do nothing, and the next failed write end the process from the
        // finalizer thread: this test fails first.
        using var database = new LiteDatabase(new ConnectionString { Filename = DbPath, Connection = ConnectionType.Direct });
        database.BeginTrans();
        database.GetCollection("x").Insert(new BsonDocument { ["v"] = 1 });

        var transactions = NightLegDatabase.OpenTransactions(database);

        Assert.NotNull(transactions);
        Assert.Single(transactions);
        database.Rollback();
    }

    [Fact]
    public void Open_AfterTheFirstClosed_Succeeds()
    {
        NightLegDatabase.Open(new DatabaseOptions(DbPath), TimeProvider.System).Dispose();

        using var again = NightLegDatabase.Open(new DatabaseOptions(DbPath), TimeProvider.System);

        Assert.Equal(DbPath, again.Path);
    }

    [Fact]
    public void Open_NewerSchema_IsRefused()
    {
        using (var raw = new LiteDatabase($"Filename={DbPath};Connection=direct"))
        {
            raw.UserVersion = NightLegDatabase.SchemaVersion + 1;
        }

        var error = Assert.Throws<StorageException>(() => NightLegDatabase.Open(new DatabaseOptions(DbPath), TimeProvider.System));

        Assert.Contains("newer NightLeg", error.Message);
        // The lock was released: a fixed build can open it.
        using var file = new FileStream(DbPath + ".lock", FileMode.Open, FileAccess.ReadWrite, FileShare.None);
    }

    [Fact]
    public void Open_EncryptedWithoutOrWithWrongPassword_SaysSo()
    {
        using (var db = NightLegDatabase.Open(new DatabaseOptions(DbPath, "correct horse"), TimeProvider.System))
        {
            db.Write("settings", c => c.Insert(new BsonDocument { ["a"] = 1 }));
        }

        var wrong = Assert.Throws<StorageException>(() => NightLegDatabase.Open(new DatabaseOptions(DbPath, "battery staple"), TimeProvider.System));
        using var right = NightLegDatabase.Open(new DatabaseOptions(DbPath, "correct horse"), TimeProvider.System);

        Assert.Contains("password", wrong.Message);
        Assert.Contains(DatabaseOptions.PasswordVariable, wrong.Message);
        Assert.Equal(1, right.Read("settings", c => c.Count()));
        Assert.DoesNotContain("\"a\"", File.ReadAllText(DbPath)); // encrypted at rest
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void PasswordFrom_KeyFileReadableByOthers_IsRefused()
    {
        var keyFile = Path.Combine(_dir, "key");
        File.WriteAllText(keyFile, "s3cret\n");
        File.SetUnixFileMode(keyFile, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.OtherRead);
        var env = new Dictionary<string, string?> { [DatabaseOptions.KeyFileVariable] = keyFile };

        var error = Assert.Throws<StorageException>(() => DatabaseOptions.PasswordFrom(k => env.GetValueOrDefault(k)));
        File.SetUnixFileMode(keyFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);

        Assert.Contains("chmod 600", error.Message);
        Assert.Equal("s3cret", DatabaseOptions.PasswordFrom(k => env.GetValueOrDefault(k)));
    }

    [Fact]
    public void PasswordFrom_EnvironmentVariable_WinsAndNothingMeansNone()
    {
        Assert.Equal("pw", DatabaseOptions.PasswordFrom(k => k == DatabaseOptions.PasswordVariable ? "pw" : null));
        Assert.Null(DatabaseOptions.PasswordFrom(_ => null));
    }

    [Theory]
    [InlineData("/data/x", "/home/u", "/data/x/nightleg/nightleg.db")]
    [InlineData(null, "/home/u", "/home/u/.local/share/nightleg/nightleg.db")]
    [InlineData("", "/home/u", "/home/u/.local/share/nightleg/nightleg.db")]
    public void DefaultPath_FollowsXdgDataHome(string? xdg, string home, string expected)
    {
        var env = new Dictionary<string, string?> { ["XDG_DATA_HOME"] = xdg, ["HOME"] = home };

        Assert.Equal(expected, DatabaseOptions.DefaultPath(k => env.GetValueOrDefault(k)));
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
