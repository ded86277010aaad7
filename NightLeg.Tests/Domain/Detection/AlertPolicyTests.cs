using NightLeg.Domain.Detection;

namespace NightLeg.Tests.Domain.Detection;

public sealed class AlertPolicyTests
{
    private static readonly DateTimeOffset At = new(2026, 3, 10, 2, 0, 0, TimeSpan.Zero);

    [Fact]
    public void For_SoundOff_DistressToo_StaysSilent()
    {
        Assert.Equal(PromptAlert.Silent, AlertPolicy.For(new AwakeningCourse(80, 18, At), soundEnabled: false));
    }

    [Fact]
    public void For_SoundOn_DistressConfirmed_Sounds()
    {
        Assert.Equal(PromptAlert.Sound, AlertPolicy.For(new AwakeningCourse(80, 18, At), soundEnabled: true));
    }

    [Fact]
    public void For_SoundOn_NothingFollowedYet_StaysSilent()
    {
        // At the moment of the prompt nothing says distress yet: a prompt always appears silently.
        Assert.Equal(PromptAlert.Silent, AlertPolicy.For(null, soundEnabled: true));
    }

    [Fact]
    public void For_SoundOn_MovedButNoDistress_StaysSilent()
    {
        // A turn-over with an arousal, a minute of restlessness: no distress, no sound.
        Assert.Equal(PromptAlert.Silent, AlertPolicy.For(new AwakeningCourse(24, 4, null), soundEnabled: true));
    }
}
