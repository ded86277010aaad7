namespace NightLeg.Domain.Storage;

/// <summary>Stores the paired wearable. Implementations are thread-safe.</summary>
public interface IDeviceRepository
{
    /// <summary>The paired device, or null.</summary>
    PairedDevice? GetPaired();

    /// <summary>Pairs a device (replacing any other).</summary>
    void SavePaired(PairedDevice device);

    /// <summary>Forgets the paired device.</summary>
    void Forget();
}
