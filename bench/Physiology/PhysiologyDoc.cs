using NightLeg.Sync.Evaluation;

namespace NightLeg.Bench.Physiology;

/// <summary>Rewrites the measured part of docs/physiology-model.md (between its markers) and the plot beside it.</summary>
public static class PhysiologyDoc
{
    public const string Start = "<!-- physiology-table: written by `nightleg-bench report` -->";
    public const string End = "<!-- /physiology-table -->";

    public static void Update(string markdownPath)
    {
        var dir = RealNight.FindDirectory(Directory.GetCurrentDirectory()) ?? throw new DirectoryNotFoundException("data/real-nights (or ../shared/data/real-nights) not found");
        var (real, synthetic) = PhysiologyComparison.Measure(RealNight.LoadAll(dir));
        var table = new StringWriter();
        PhysiologyComparison.WriteTable(table, real, synthetic);
        File.WriteAllText(Path.ChangeExtension(markdownPath, ".svg"), PhysiologyComparison.Svg(real, synthetic));

        var text = File.ReadAllText(markdownPath);
        var from = text.IndexOf(Start, StringComparison.Ordinal);
        var to = text.IndexOf(End, StringComparison.Ordinal);
        if (from < 0 || to < from)
        {
            throw new InvalidOperationException($"{markdownPath}: the markers {Start} … {End} are missing");
        }

        File.WriteAllText(markdownPath, text[..(from + Start.Length)] + Environment.NewLine + table + text[to..]);
    }
}
