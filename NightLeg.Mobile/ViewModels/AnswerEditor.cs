using CommunityToolkit.Mvvm.ComponentModel;
using NightLeg.Domain.Cramps;
using NightLeg.Domain.Nights;

namespace NightLeg.Mobile.ViewModels;

/// <summary>
/// The morning's answers, changeable wherever an event is shown (Morning, a night's page): confirm with
/// details, edit them, change "cramp" to "not a cramp" and back, log a missed cramp — and undo the latest
/// change right after the tap. Every change goes through <see cref="CrampJournal"/>, so history, insights, the
/// report and what NightLeg learned follow it. UI-neutral; one per page.
/// </summary>
public sealed partial class AnswerEditor(CrampJournal journal) : ObservableObject
{
    /// <summary>The event as it was before the latest change (what Undo gives back); null when there is nothing to undo.</summary>
    private CrampEvent? _before;

    /// <summary>The event the latest change made: a cramp logged by hand, removed again by Undo.</summary>
    private Guid? _logged;

    /// <summary>The event whose latest change can be undone, if any.</summary>
    [ObservableProperty]
    public partial Guid? Undoable { get; private set; }

    /// <summary>What the latest change was refused for; null when it was saved.</summary>
    [ObservableProperty]
    public partial IReadOnlyList<ValidationError>? Error { get; private set; }

    /// <summary>It was a cramp, with exactly these details (the form starts from what the event has).</summary>
    public bool Confirm(CrampEvent shown, CrampReport report) => Apply(shown, journal.Revise(shown.Id, report));

    /// <summary>It was not a cramp, for this reason.</summary>
    public bool Dismiss(CrampEvent shown, DismissReason reason) => Apply(shown, journal.Dismiss(shown.Id, reason, shown.DismissNote));

    /// <summary>A cramp the detector missed, at a UTC instant of <paramref name="night"/>.</summary>
    public bool LogByHand(NightId night, DateTimeOffset at, CrampReport report)
    {
        var outcome = journal.LogByHand(night, at, report);
        Error = outcome.Succeeded ? null : outcome.Errors;
        if (outcome.Succeeded)
        {
            (_before, _logged, Undoable) = (null, outcome.Value!.Id, outcome.Value!.Id);
        }

        return outcome.Succeeded;
    }

    /// <summary>Takes the latest change back: the answer the event had before, or the cramp just logged removed.</summary>
    public bool Undo()
    {
        var outcome = _logged is { } logged ? journal.Remove(logged)
                    : _before is { } before ? journal.Restore(before)
                    : null;
        (_before, _logged, Undoable) = (null, null, null);
        Error = outcome is { Succeeded: false } ? outcome.Errors : null;
        return outcome?.Succeeded == true;
    }

    private bool Apply(CrampEvent shown, Outcome<CrampEvent> outcome)
    {
        Error = outcome.Succeeded ? null : outcome.Errors;
        if (outcome.Succeeded)
        {
            (_before, _logged, Undoable) = (shown, null, shown.Id);
        }

        return outcome.Succeeded;
    }
}
