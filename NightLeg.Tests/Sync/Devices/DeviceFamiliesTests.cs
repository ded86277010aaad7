using NightLeg.Sync.Devices;
using NightLeg.Sync.Gatt;

namespace NightLeg.Tests.Sync.Devices;

public sealed class DeviceFamiliesTests
{
    private static readonly Guid Hr = GattUuids.HeartRateService;
    private static readonly Guid Battery = GattUuids.BatteryService;
    private static readonly Guid Pmd = GattUuids.PolarPmdService;
    private static readonly Guid Motion = GattUuids.InfiniTimeMotionService;

    public static TheoryData<string?, Guid[], string> Devices => new()
    {
        { "HRM-Pro:123456", [Hr, Battery], "heart-rate" },
        { "Apple Watch", [Hr], "heart-rate" },
        { "InfiniTime", [Hr, Battery, Motion], "infinitime" },
        { "Pinetime-JF", [Hr, Motion], "infinitime" },
        { "Polar H10 5E8F3A21", [Hr, Battery, Pmd], "polar-h10" },
        { "Polar Sense B5E1C2A7", [Hr, Battery, Pmd], "polar-verity-sense" },
        { "Polar OH1 1A2B3C4D", [Hr, Battery, Pmd], "polar" },
        { null, [Hr, Pmd], "polar" },
    };

    [Theory]
    [MemberData(nameof(Devices))]
    public void Recognise_NameAndServices_MostSpecificFamilyWins(string? name, Guid[] services, string expected)
    {
        Assert.Equal(expected, DeviceFamilies.Default.Recognise(name, services)?.Id);
    }

    [Fact]
    public void Recognise_NoHeartRateService_IsNotAWearableWeUse()
    {
        Assert.Null(DeviceFamilies.Default.Recognise("Speaker", [Battery]));
    }

    [Fact]
    public void Registry_TwoFamiliesWithOneId_Refused()
    {
        var e = Assert.Throws<ArgumentException>(() => new DeviceFamilies([.. DeviceFamilies.Default.All, new NightLeg.Sync.Devices.HeartRate.HeartRateFamily()]));

        Assert.Contains("heart-rate", e.Message);
    }

    [Fact]
    public void Registry_SimulatedWearablesAndDecodeProfiles_ComeFromTheFamilies()
    {
        Assert.Equal(["hr-strap", "infinitime", "polar-h10", "polar-verity-sense", "wrist-hr"], DeviceFamilies.Default.Simulated.Select(s => s.Name));
        Assert.Equal(["battery", "heart-rate", "infinitime-motion", "infinitime-steps", "polar-pmd", "polar-pmd-control"], DeviceFamilies.Default.Profiles.Select(p => p.Name));
        Assert.Contains("unknown device \"polar-h9\"", Assert.Throws<ArgumentException>(() => DeviceFamilies.Default.Simulate("polar-h9")).Message);
    }
}
