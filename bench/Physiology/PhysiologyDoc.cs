using NightLeg.Evaluation;

namespace NightLeg.Bench.Physiology;

/// <summary>Rewrites the measured part of docs/physiology-model.md (between its markers) and the plot beside it.</summary>
public static class PhysiologyDoc
{
    public const string Start = "<!-- physiology-table: written by `nightleg-bench report` -->";
    public const string End = "<!-- /physiology-table -->";

    public const string MovementStart = "<!-- movement-table: written by `nightleg-bench report` -->";
    public const string MovementEnd = "<!-- /movement-table -->";

    public static void Update(string markdownPath)
    {
        var dir = RealNight.FindDirectory(Directory.GetCurrentDirectory()) ?? throw new DirectoryNotFoundException("data/real-nights (or ../shared/data/real-nights) not found");
        var (real, synthetic) = PhysiologyComparison.Measure(RealNight.LoadAll(dir));
        var table = new StringWriter();
        PhysiologyComparison.WriteTable(table, real, synthetic);
        File.WriteAllText(Path.ChangeExtension(markdownPath, ".svg"), PhysiologyComparison.Svg(real, synthetic));

        var (realMovement, syntheticMovement) = MovementComparison.Measure();
        var movement = new StringWriter();
        MovementComparison.WriteTable(movement, realMovement, syntheticMovement);
        File.WriteAllText(Path.Combine(Path.GetDirectoryName(markdownPath) ?? ".", "movement-model.svg"), MovementComparison.Svg(realMovement, syntheticMovement));

        var text = File.ReadAllText(markdownPath);
        text = Replace(text, Start, End, table.ToString(), markdownPath);
        text = Replace(text, MovementStart, MovementEnd, movement.ToString(), markdownPath);
        File.WriteAllText(markdownPath, text);
    }

    private static string Replace(string text, string start, string end, string with, string path)
    {
        var from = text.IndexOf(start, StringComparison.Ordinal);
        var to = text.IndexOf(end, StringComparison.Ordinal);
        if (from < 0 || to < from)
        {
            throw new InvalidOperationException($"{path}: the markers {start} … {end} are missing");
        }

        return text[..(from + start.Length)] + Environment.NewLine + with + text[to..];
    }
}
