using NightLeg.Sync.Devices.InfiniTime;
using NightLeg.Sync.Devices.Polar;
using NightLeg.Sync.Gatt.Battery;
using NightLeg.Sync.Gatt.HeartRate;

namespace NightLeg.Tests.Sync.Gatt;

/// <summary>
/// Random bytes never throw: every decoder either decodes or returns a typed error. Each decoder has
/// its own fixed seed, so a failure names the seed and the payload and replays exactly.
/// </summary>
public sealed class DecoderFuzzTests
{
    private const int PayloadsPerDecoder = 20_000;

    public static TheoryData<string, int> Decoders => new()
    {
        { "heart-rate", 101 }, { "battery", 103 }, { "infinitime-steps", 105 },
        { "infinitime-motion", 106 }, { "pmd-control-point", 107 }, { "pmd-settings", 108 }, { "pmd-acc", 109 }, { "pmd-acc-compressed", 110 },
        { "pmd-delta", 111 },
    };

    [Theory]
    [MemberData(nameof(Decoders))]
    public void Decode_RandomPayloads_NeverThrows(string decoder, int seed)
    {
        var random = new Random(seed);
        var decoded = 0;
        for (var i = 0; i < PayloadsPerDecoder; i++)
        {
            var payload = new byte[random.Next(0, 64)];
            random.NextBytes(payload);
            if (decoder == "pmd-acc-compressed" && payload.Length > 9)
            {
                payload[0] = 2;                                    // ACC, so the compressed path is reached
                payload[9] = (byte)(0x80 | random.Next(2));
                payload[1] = (byte)random.Next(1, 255);           // a plausible timestamp
                Array.Clear(payload, 2, 7);
                payload[8] = 0;
            }

            bool ok;
            try
            {
                ok = Decode(decoder, payload, random);
            }
            catch (Exception e)
            {
                throw new Xunit.Sdk.XunitException($"{decoder} threw on payload {i} of seed {seed} ({Convert.ToHexString(payload)}): {e}");
            }

            decoded += ok ? 1 : 0;
        }

        // Reaching here means nothing threw; and garbage must be refused, not silently accepted.
        Assert.True(decoded < PayloadsPerDecoder, $"{decoder} accepted all {PayloadsPerDecoder} random payloads");
    }

    private static bool Decode(string decoder, byte[] payload, Random random) =>
        decoder switch
        {
            "heart-rate" => HeartRateMeasurementDecoder.Decode(payload).IsSuccess,
            "battery" => BatteryLevelDecoder.Decode(payload).IsSuccess,
            "infinitime-steps" => InfiniTimeMotionDecoder.DecodeSteps(payload).IsSuccess,
            "infinitime-motion" => InfiniTimeMotionDecoder.DecodeRawXyz(payload).IsSuccess,
            "pmd-control-point" => PmdControlPointResponseDecoder.Decode(payload).IsSuccess,
            "pmd-settings" => PmdSettingsDecoder.Decode(payload).IsSuccess,
            "pmd-acc" or "pmd-acc-compressed" => PmdDataFrameDecoder.DecodeAcc(payload, (float)random.NextDouble() * 2, random.Next(0, 500),
                random.Next(3) == 0 ? (ulong)random.NextInt64() : null).IsSuccess,
            _ => PmdDeltaCodec.Decode(payload, random.Next(1, 4), random.Next(1, 33)).IsSuccess,
        };
}
