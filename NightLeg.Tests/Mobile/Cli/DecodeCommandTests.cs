using System.Text.Json;
using NightLeg.Tests.Support;

namespace NightLeg.Tests.Mobile.Cli;

public sealed class DecodeCommandTests
{
    [Fact]
    public async Task Decode_HeartRateWithRr_PrintsContractFields()
    {
        // 0x16 flags (uint8, contact detected, RR) | 0x38 = 56 bpm | RR 0x0449, 0x0452
        var (code, stdout, stderr) = await CliRunner.RunAsync("decode", "--profile", "heart-rate", "163849045204");

        Assert.Equal(0, code);
        Assert.Empty(stderr);
        using var json = JsonDocument.Parse(stdout);
        var root = json.RootElement;
        Assert.Equal(56, root.GetProperty("heartRateBpm").GetInt32());
        Assert.Equal("detected", root.GetProperty("sensorContact").GetString());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("energyExpendedKJ").ValueKind);
        Assert.Equal([1071.2890625, 1080.078125], root.GetProperty("rrIntervalsMs").EnumerateArray().Select(e => e.GetDouble()));
    }

    [Theory]
    [InlineData("0048", "unsupported")]
    [InlineData("0448", "not-detected")]
    public async Task Decode_HeartRateContactStates_AreNamed(string hex, string expected)
    {
        var (_, stdout, _) = await CliRunner.RunAsync("decode", "--profile", "heart-rate", hex);

        using var json = JsonDocument.Parse(stdout);
        Assert.Equal(expected, json.RootElement.GetProperty("sensorContact").GetString());
        Assert.Empty(json.RootElement.GetProperty("rrIntervalsMs").EnumerateArray());
    }

    [Fact]
    public async Task Decode_EnergyExpended_IsANumber()
    {
        // 0x08 energy present | 72 bpm | 0x0102 = 258 kJ
        var (_, stdout, _) = await CliRunner.RunAsync("decode", "--profile", "heart-rate", "08480201");

        using var json = JsonDocument.Parse(stdout);
        Assert.Equal(258, json.RootElement.GetProperty("energyExpendedKJ").GetInt32());
    }

    [Fact]
    public async Task Decode_InvalidPayload_ReasonOnStderrAndExitOne()
    {
        var (code, stdout, stderr) = await CliRunner.RunAsync("decode", "--profile", "heart-rate", "103c");

        Assert.Equal(1, code);
        Assert.Empty(stdout);
        Assert.Contains("RR intervals", stderr);
    }

    [Theory]
    [InlineData("battery", "57", "levelPercent", 87.0)]
    [InlineData("infinitime-steps", "10270000", "steps", 10000.0)]
    [InlineData("infinitime-motion", "00fe00000004", "xG", -0.5)]
    [InlineData("infinitime-motion", "00fe00000004", "zG", 1.0)]
    public async Task Decode_SimpleProfiles_PrintTheirField(string profile, string hex, string field, double expected)
    {
        var (code, stdout, _) = await CliRunner.RunAsync("decode", "--profile", profile, hex);

        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(stdout);
        Assert.Equal(expected, json.RootElement.GetProperty(field).GetDouble());
    }

    [Fact]
    public async Task Decode_PolarCompressedWithOptions_PrintsSamplesAsPolarComputes()
    {
        var (code, stdout, _) = await CliRunner.RunAsync("decode", "--profile", "polar-pmd", "--previous-timestamp", "100",
            "02 65 00 00 00 00 00 00 00 81 F1 FF 14 00 F0 03 06 01 7B 0F 08");

        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(stdout);
        var root = json.RootElement;
        Assert.Equal("acc", root.GetProperty("measurementType").GetString());
        Assert.Equal(1, root.GetProperty("frameType").GetInt32());
        Assert.True(root.GetProperty("compressed").GetBoolean());
        Assert.Equal(101UL, root.GetProperty("timestampNs").GetUInt64());
        var samples = root.GetProperty("samples").EnumerateArray()
            .Select(s => (s.GetProperty("timestampNs").GetUInt64(), s.GetProperty("xMg").GetInt32(), s.GetProperty("yMg").GetInt32(), s.GetProperty("zMg").GetInt32()))
            .ToList();
        Assert.Equal([(100UL, -15, 20, 1008), (101UL, -20, 17, 1008)], samples);
    }

    [Fact]
    public async Task Decode_PolarFactorOption_ScalesCompressedType0()
    {
        var (_, stdout, _) = await CliRunner.RunAsync("decode", "--profile", "polar-pmd", "--factor", "0.000244", "--sample-rate", "52",
            "02 00 94 35 77 00 00 00 00 80 71 07 F0 6A 9E 8D");

        using var json = JsonDocument.Parse(stdout);
        var sample = json.RootElement.GetProperty("samples")[0];
        Assert.Equal(464, sample.GetProperty("xMg").GetInt32());
        Assert.Equal(2_000_000_000UL, sample.GetProperty("timestampNs").GetUInt64());
    }

    [Fact]
    public async Task Decode_NotHex_ExitOne()
    {
        var (code, _, stderr) = await CliRunner.RunAsync("decode", "--profile", "battery", "zz");

        Assert.Equal(1, code);
        Assert.Contains("not hexadecimal", stderr);
    }
}
