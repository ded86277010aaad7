using Microsoft.Extensions.Time.Testing;
using NightLeg.Sync.Ble.Simulated;
using NightLeg.Sync.Live;

namespace NightLeg.Tests.Fakes;

/// <summary>
/// Moves a fake clock through a simulated wearable's night: a step at a time, each only once the wearable
/// has played everything due and the session has handled it. A busy machine makes the night take longer in
/// real time, never different in night time.
/// </summary>
public static class SteppedNight
{
    /// <summary>The clock's step: a heart-rate notification's interval.</summary>
    public static readonly TimeSpan Step = TimeSpan.FromSeconds(1);

    /// <summary>How long one step may take in real time before the test fails rather than hangs.</summary>
    private static readonly TimeSpan StepGuard = TimeSpan.FromSeconds(30);

    /// <summary>Moves <paramref name="time"/> on until <paramref name="wearable"/> has played its whole night, failing the test after <paramref name="limit"/> of clock time.</summary>
    public static async Task PlayAsync(FakeTimeProvider time, SimulatedWearableAdapter wearable, NightSession session, TimeSpan limit)
    {
        var until = time.GetUtcNow() + limit;
        while (!wearable.Finished)
        {
            Assert.True(time.GetUtcNow() < until, $"the simulated night did not finish within {limit} (played to {wearable.Played:O})");
            time.Advance(Step);
            await wearable.CaughtUpAsync(CancellationToken.None).WaitAsync(StepGuard);
            await session.FlushAsync().WaitAsync(StepGuard);
        }
    }
}
