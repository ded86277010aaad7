using System.CommandLine;
using System.Globalization;

namespace NightLeg.Mobile.Cli;

/// <summary>
/// Validators for options: numbers finite and in range, enums among their names — each with a message
/// that gives what is accepted. A value that is not even of the option's type ("abc" for a number) is
/// refused the same way, in one line, never with an exception.
/// </summary>
internal static class OptionRules
{
    /// <summary>The value must be finite and in (<paramref name="above"/>, <paramref name="atMost"/>].</summary>
    public static Option<double> Between(this Option<double> option, double above, double atMost, string what)
    {
        option.Validators.Add(result =>
        {
            if (TryValue<double>(result, $"a number ({what})", out var value))
            {
                Check(result, value, above, atMost, what);
            }
        });
        return option;
    }

    /// <summary>The value, when given, must be finite and in (<paramref name="above"/>, <paramref name="atMost"/>].</summary>
    public static Option<double?> Between(this Option<double?> option, double above, double atMost, string what)
    {
        option.Validators.Add(result =>
        {
            if (TryValue<double?>(result, $"a number ({what})", out var given) && given is { } value)
            {
                Check(result, value, above, atMost, what);
            }
        });
        return option;
    }

    /// <summary>The value must be finite and in (<paramref name="above"/>, <paramref name="atMost"/>].</summary>
    public static Option<float> Between(this Option<float> option, float above, float atMost, string what)
    {
        option.Validators.Add(result =>
        {
            if (TryValue<float>(result, $"a number ({what})", out var value))
            {
                Check(result, value, above, atMost, what);
            }
        });
        return option;
    }

    /// <summary>The value must be in [<paramref name="least"/>, <paramref name="most"/>].</summary>
    public static Option<int> Within(this Option<int> option, int least, int most, string what)
    {
        option.Validators.Add(result =>
        {
            if (TryValue<int>(result, $"{what} from {least} to {most}", out var value) && (value < least || value > most))
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
            if (TryValue<int?>(result, $"{what} from {least} to {most}", out var given) && given is { } value && (value < least || value > most))
            {
                result.AddError($"{option.Name} is {what} from {least} to {most}, not {value}");
            }
        });
        return option;
    }

    /// <summary>The value must be one of the enum's names (a number such as "5" is not accepted, though .NET would parse it).</summary>
    public static Option<T> Named<T>(this Option<T> option)
        where T : struct, Enum
    {
        var names = string.Join(", ", Enum.GetNames<T>());
        option.Validators.Add(result =>
        {
            var token = result.Tokens.Count > 0 ? result.Tokens[^1].Value : null;
            if (token is not null && (!Enum.TryParse<T>(token, ignoreCase: true, out var value) || !Enum.IsDefined(value) || token.All(c => char.IsDigit(c) || c == '-')))
            {
                result.AddError($"{option.Name} is one of {names}, not '{token}'");
            }
        });
        return option;
    }

    /// <summary>
    /// The option's value, or false (with an error naming what was expected and what was given) when its
    /// text is not of the option's type at all.
    /// </summary>
    private static bool TryValue<T>(System.CommandLine.Parsing.OptionResult result, string expected, out T value)
    {
        try
        {
            value = result.GetValueOrDefault<T>()!;
            return true;
        }
        catch (InvalidOperationException)
        {
            var token = result.Tokens.Count > 0 ? result.Tokens[^1].Value : "";
            result.AddError($"{result.Option.Name} is {expected}, not '{token}'");
            value = default!;
            return false;
        }
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
