using System.CommandLine;
using System.Globalization;

namespace NightLeg.Mobile.Cli;

/// <summary>Validators for numeric options: finite and in range, with a message that gives the range.</summary>
internal static class OptionRules
{
    /// <summary>The value must be finite and in (<paramref name="above"/>, <paramref name="atMost"/>].</summary>
    public static Option<double> Between(this Option<double> option, double above, double atMost, string what)
    {
        option.Validators.Add(result => Check(result, result.GetValueOrDefault<double>(), above, atMost, what));
        return option;
    }

    /// <summary>The value, when given, must be finite and in (<paramref name="above"/>, <paramref name="atMost"/>].</summary>
    public static Option<double?> Between(this Option<double?> option, double above, double atMost, string what)
    {
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<double?>() is { } value)
            {
                Check(result, value, above, atMost, what);
            }
        });
        return option;
    }

    /// <summary>The value must be finite and in (<paramref name="above"/>, <paramref name="atMost"/>].</summary>
    public static Option<float> Between(this Option<float> option, float above, float atMost, string what)
    {
        option.Validators.Add(result => Check(result, result.GetValueOrDefault<float>(), above, atMost, what));
        return option;
    }

    /// <summary>The value must be in [<paramref name="least"/>, <paramref name="most"/>].</summary>
    public static Option<int> Within(this Option<int> option, int least, int most, string what)
    {
        option.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<int>();
            if (value < least || value > most)
            {
                result.AddError($"{option.Name} is {what} from {least} to {most}, not {value}");
            }
        });
        return option;
    }

    /// <summary>The value, when given, must be in [<paramref name="least"/>, <paramref name="most"/>].</summary>
    public static Option<int?> Within(this Option<int?> option, int least, int most, string what)
    {
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int?>() is { } value && (value < least || value > most))
            {
                result.AddError($"{option.Name} is {what} from {least} to {most}, not {value}");
            }
        });
        return option;
    }

    private static void Check(System.CommandLine.Parsing.OptionResult result, double value, double above, double atMost, string what)
    {
        if (!double.IsFinite(value) || value <= above || value > atMost)
        {
            result.AddError(string.Create(CultureInfo.InvariantCulture,
                $"{result.Option.Name} is {what}: more than {above} and at most {atMost}, not {value}"));
        }
    }
}
