namespace NightLeg.Tests.Support;

/// <summary>
/// Tests that read the process's managed memory (<see cref="GC.GetTotalMemory(bool)"/>) run alone: any test running
/// beside them allocates in the same heap and would be counted as theirs.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessMemoryCollection
{
    public const string Name = "process memory";
}
