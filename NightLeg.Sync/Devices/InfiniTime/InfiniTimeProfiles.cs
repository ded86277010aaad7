using NightLeg.Domain.Samples;
using NightLeg.Sync.Gatt;

namespace NightLeg.Sync.Devices.InfiniTime;

/// <summary>InfiniTime's motion service (doc/MotionService.md): raw XYZ and the step count.</summary>
public static class InfiniTimeProfiles
{
    /// <summary>Raw XYZ, one motion sample per notification (sent when it changes, sampled at 10 Hz).</summary>
    public static GattProfile Motion { get; } = GattProfile.Stateless("infinitime-motion", GattUuids.InfiniTimeMotionService, GattUuids.InfiniTimeRawXyz, InfiniTimeMotionDecoder.DecodeRawXyz,
        (n, a, sink) => sink.Add(new MotionSample(n.ReceivedAt, a.XG, a.YG, a.ZG)),
        (j, a) =>
        {
            j.WriteNumber("xG", a.XG);
            j.WriteNumber("yG", a.YG);
            j.WriteNumber("zG", a.ZG);
        });

    /// <summary>The step count: checked and shown by <c>decode</c>; a night's steps say nothing the movement does not.</summary>
    public static GattProfile Steps { get; } = GattProfile.Stateless("infinitime-steps", GattUuids.InfiniTimeMotionService, GattUuids.InfiniTimeStepCount, InfiniTimeMotionDecoder.DecodeSteps,
        (_, _, _) => { },
        (j, steps) => j.WriteNumber("steps", steps));
}
