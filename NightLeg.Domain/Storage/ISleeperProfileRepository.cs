using NightLeg.Domain.Detection;

namespace NightLeg.Domain.Storage;

/// <summary>Keeps what the detector has learned about the sleeper from night to night. Implementations are thread-safe.</summary>
public interface ISleeperProfileRepository
{
    /// <summary>The stored profile, or null before the first night.</summary>
    SleeperProfile? Get();

    /// <summary>Replaces the stored profile.</summary>
    void Save(SleeperProfile profile);
}
