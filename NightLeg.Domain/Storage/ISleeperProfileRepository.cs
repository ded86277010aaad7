using NightLeg.Domain.Detection;

namespace NightLeg.Domain.Storage;

/// <summary>Keeps what NightLeg has learned about the sleeper from night to night and from their answers. Implementations are thread-safe.</summary>
public interface ISleeperProfileRepository
{
    /// <summary>The stored heart-rate profile, or null before the first night.</summary>
    SleeperProfile? Get();

    /// <summary>Replaces the stored heart-rate profile (the night's recorder saves it as it learns).</summary>
    void Save(SleeperProfile profile);

    /// <summary>What the answers taught (<see cref="SleeperLearning.Nothing"/> before the first).</summary>
    SleeperLearning GetLearning();

    /// <summary>Replaces what the answers taught.</summary>
    void SaveLearning(SleeperLearning learning);

    /// <summary>Forgets everything learned about the sleeper: the next night starts as a first night.</summary>
    void Reset();
}
