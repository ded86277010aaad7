namespace NightLeg.Sync;

/// <summary>Names this assembly in tests and registrations (<c>typeof(AssemblyMarker).Assembly</c>).</summary>
public static class AssemblyMarker;
