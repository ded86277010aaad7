using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using NightLeg.Mobile.Web;

namespace NightLeg.Tests.Mobile.Web;

/// <summary>
/// Memory is given back once the last browser has gone and none came for a while — not while one is open.
/// (The resident memory this brings back is measured in the performance benchmark, with real browsers.)
/// </summary>
public sealed class MemoryTrimTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 11, 2, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task GivesBack_OnlyAfterTheLastCircuitHasBeenClosedForTheQuietTime()
    {
        using var trim = new MemoryTrim(_time, NullLogger<MemoryTrim>.Instance);
        await trim.OnCircuitOpenedAsync(null!, CancellationToken.None);
        await trim.OnCircuitOpenedAsync(null!, CancellationToken.None);
        await trim.OnCircuitClosedAsync(null!, CancellationToken.None);
        _time.Advance(MemoryTrim.Quiet * 3);
        Assert.Equal(0, trim.Trims); // one still open

        await trim.OnCircuitClosedAsync(null!, CancellationToken.None);
        _time.Advance(MemoryTrim.Quiet - TimeSpan.FromSeconds(1));
        Assert.Equal(0, trim.Trims);
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, trim.Trims);

        _time.Advance(MemoryTrim.Quiet * 5);
        Assert.Equal(1, trim.Trims); // once per quiet spell, not on a timer
    }

    [Fact]
    public async Task ABrowserComingBackBeforeTheQuietTime_PutsItOff()
    {
        using var trim = new MemoryTrim(_time, NullLogger<MemoryTrim>.Instance);
        await trim.OnCircuitOpenedAsync(null!, CancellationToken.None);
        await trim.OnCircuitClosedAsync(null!, CancellationToken.None);
        _time.Advance(MemoryTrim.Quiet / 2);
        await trim.OnCircuitOpenedAsync(null!, CancellationToken.None);
        _time.Advance(MemoryTrim.Quiet * 2);
        Assert.Equal(0, trim.Trims);
        Assert.Equal(1, trim.Open);

        await trim.OnCircuitClosedAsync(null!, CancellationToken.None);
        _time.Advance(MemoryTrim.Quiet);
        Assert.Equal(1, trim.Trims);
        Assert.Equal(0, trim.Open);
    }
}
