using NightLeg.Domain.Detection;

namespace NightLeg.Tests.Domain.Detection;

public sealed class AlertPolicyTests
{
    private static AwakeningDetected Detection(DetectionEvidence evidence, int activeSeconds) => new(
        DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddSeconds(12), 52, 70, activeSeconds, 40, 0.8, evidence);

    [Theory]
    [InlineData(DetectionEvidence.HeartRateAndMotion, 12)]
    [InlineData(DetectionEvidence.HeartRateOnly, 0)]
    [InlineData(DetectionEvidence.MotionOnly, 14)]
    public void For_SoundOff_AlwaysSilent(DetectionEvidence evidence, int active)
    {
        Assert.Equal(PromptAlert.Silent, AlertPolicy.For(Detection(evidence, active), soundEnabled: false));
    }

    [Fact]
    public void For_SoundOn_MotionCorroborated_Sounds()
    {
        Assert.Equal(PromptAlert.Sound, AlertPolicy.For(Detection(DetectionEvidence.HeartRateAndMotion, 12), soundEnabled: true));
    }

    [Fact]
    public void For_SoundOn_HeartRateOnly_StaysSilent()
    {
        // A heart-rate surge alone is also what REM looks like: sounding then would wake a sleeper.
        Assert.Equal(PromptAlert.Silent, AlertPolicy.For(Detection(DetectionEvidence.HeartRateOnly, 6), soundEnabled: true));
    }

    [Fact]
    public void For_SoundOn_BarelyAnyMovement_StaysSilent()
    {
        Assert.Equal(PromptAlert.Silent, AlertPolicy.For(Detection(DetectionEvidence.HeartRateAndMotion, 2), soundEnabled: true));
    }
}
