using NightLeg.Domain.Storage;

namespace NightLeg.Tests.Fakes;

public sealed class InMemoryDeviceRepository : IDeviceRepository
{
    private PairedDevice? _paired;

    public PairedDevice? GetPaired() => _paired;

    public void SavePaired(PairedDevice device) => _paired = device;

    public void Forget() => _paired = null;
}
