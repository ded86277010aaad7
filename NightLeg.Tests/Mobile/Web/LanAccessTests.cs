using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using NightLeg.Mobile.Web;
using NightLeg.Sync.Storage;

namespace NightLeg.Tests.Mobile.Web;

/// <summary>Access codes expire unused, browser tokens expire and can be signed out one by one. (Issue 15, finding 3.)</summary>
public sealed class LanAccessTests : IDisposable
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 26, 20, 0, 0, TimeSpan.Zero));
    private readonly NightLegDatabase _database = NightLegDatabase.InMemory(TimeProvider.System);

    [Fact]
    public void Code_UnusedForTenMinutes_IsReplacedAndTheNewOnePrinted()
    {
        var console = new StringWriter();
        using var access = new LanAccess(new AccessTokens(_database, _time), _time, console, NullLogger<LanAccess>.Instance);
        var first = access.Code;

        _time.Advance(TimeSpan.FromMinutes(9));
        var before = access.Code;
        _time.Advance(TimeSpan.FromMinutes(1));

        Assert.Equal(first, before);
        Assert.NotEqual(first, access.Code);
        Assert.Contains($"The access code expired unused. The new access code is {access.Code}", console.ToString());
    }

    [Fact]
    public async Task Code_FiftyWrongTries_IsReplaced_SoGuessesNeverAddUp()
    {
        // Issue 21, R2: beside the caps per address and from all addresses, a code dies after 50 wrong guesses.
        var console = new StringWriter();
        using var access = new LanAccess(new AccessTokens(_database, _time), _time, console, NullLogger<LanAccess>.Instance);
        var first = access.Code;
        var wrong = first == "000000" ? "111111" : "000000";

        for (var i = 0; i < LanAccess.WrongTriesPerCode; i++)
        {
            var context = new Microsoft.AspNetCore.Http.DefaultHttpContext();
            context.Request.Method = "POST";
            context.Request.Path = "/access";
            context.Request.ContentType = "application/x-www-form-urlencoded";
            context.Request.Body = new MemoryStream(System.Text.Encoding.ASCII.GetBytes("code=" + wrong));
            context.Request.ContentLength = context.Request.Body.Length;
            context.Response.Body = new MemoryStream();
            await access.InvokeAsync(context, _ => Task.CompletedTask);
            Assert.Equal(401, context.Response.StatusCode);
        }

        Assert.NotEqual(first, access.Code);
        Assert.Contains($"50 wrong access codes: the code was replaced. The new access code is {access.Code}", console.ToString());
    }

    [Fact]
    public void Token_ValidFor180Days_ThenRefusedAndForgotten()
    {
        var tokens = new AccessTokens(_database, _time);
        var token = tokens.Issue("Safari on iPhone");

        _time.Advance(TimeSpan.FromDays(179));
        var late = tokens.Validate(token);
        _time.Advance(TimeSpan.FromDays(2));

        Assert.NotNull(late);
        Assert.Null(tokens.Validate(token));
        Assert.Empty(tokens.List());
    }

    [Fact]
    public void SignOut_OneBrowser_OnlyThatOneIsRefused()
    {
        var tokens = new AccessTokens(_database, _time);
        var phone = tokens.Issue("Safari on iPhone");
        _time.Advance(TimeSpan.FromMinutes(1));
        var laptop = tokens.Issue("Firefox on Linux");

        var listed = tokens.List();
        var phoneEntry = Assert.Single(listed, b => b.Browser == "Safari on iPhone");
        Assert.True(tokens.Revoke(phoneEntry.Reference));

        Assert.Equal(2, listed.Count);
        Assert.Equal("Firefox on Linux", listed[0].Browser); // newest first
        Assert.Null(tokens.Validate(phone));
        Assert.NotNull(tokens.Validate(laptop));
        Assert.DoesNotContain(phone, string.Join(",", tokens.List().Select(b => b.Reference)));
    }

    [Theory]
    [InlineData("Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1", "Safari on iPhone")]
    [InlineData("Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Mobile Safari/537.36", "Chrome on Android")]
    [InlineData("Mozilla/5.0 (X11; Linux x86_64; rv:125.0) Gecko/20100101 Firefox/125.0", "Firefox on Linux")]
    [InlineData(null, "A browser")]
    public void BrowserName_FromUserAgent(string? userAgent, string expected) => Assert.Equal(expected, BrowserName.From(userAgent));

    [Theory]
    [InlineData("localhost", false, true)]
    [InlineData("127.0.0.1", false, true)]
    [InlineData("[::1]", false, true)]
    [InlineData("rebind.evil.example", false, false)]
    [InlineData("rebind.evil.example", true, false)]
    [InlineData("192.0.2.55", true, false)] // an address that is not this machine's
    public void HostAllowList_AnswersOnlyOwnNames(string host, bool lan, bool expected) =>
        Assert.Equal(expected, new HostAllowList(lan, _time).Allows(host));

    [Fact]
    public void HostAllowList_InLanMode_AnswersThisMachinesNameAndAddresses()
    {
        var allow = new HostAllowList(true, _time);
        var addresses = System.Net.NetworkInformation.NetworkInterface.GetAllNetworkInterfaces()
            .SelectMany(n => n.GetIPProperties().UnicastAddresses).Select(a => a.Address.ToString()).ToList();

        Assert.True(allow.Allows(System.Net.Dns.GetHostName()));
        Assert.All(addresses.Where(a => !a.Contains('%')), a => Assert.True(allow.Allows(a), a));
        Assert.False(new HostAllowList(false, _time).Allows(System.Net.Dns.GetHostName()));
    }

    public void Dispose() => _database.Dispose();
}
