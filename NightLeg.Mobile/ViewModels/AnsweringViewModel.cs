using CommunityToolkit.Mvvm.ComponentModel;
using CommunityToolkit.Mvvm.Input;
using NightLeg.Domain.Cramps;

namespace NightLeg.Mobile.ViewModels;

/// <summary>
/// A page that shows a night's events with their answers and lets the user change them (Morning, a night's
/// page): the same commands on both, through one <see cref="AnswerEditor"/>; the page reloads after each change.
/// UI-neutral.
/// </summary>
public abstract partial class AnsweringViewModel : ObservableObject
{
    protected AnsweringViewModel(CrampJournal journal)
    {
        Answers = new AnswerEditor(journal);
        Answers.PropertyChanged += (_, e) => OnPropertyChanged(e.PropertyName == nameof(AnswerEditor.Error) ? nameof(Error) : nameof(Answers));
    }

    /// <summary>The changes made on this page, the latest undoable.</summary>
    public AnswerEditor Answers { get; }

    /// <summary>The events shown (answered or not).</summary>
    [ObservableProperty]
    public partial IReadOnlyList<CrampEvent> Events { get; protected set; } = [];

    /// <summary>What the latest change was refused for.</summary>
    public IReadOnlyList<ValidationError>? Error => Answers.Error;

    /// <summary>It was a cramp, with exactly these details (or its details edited).</summary>
    [RelayCommand]
    private void Confirm((Guid Id, CrampReport Report) input) => Change(e => Answers.Confirm(e, input.Report), input.Id);

    /// <summary>It was not a cramp, for this reason (also a cramp changed to not one).</summary>
    [RelayCommand]
    private void Dismiss((Guid Id, DismissReason Reason) input) => Change(e => Answers.Dismiss(e, input.Reason), input.Id);

    /// <summary>Takes the latest change back.</summary>
    [RelayCommand]
    private void Undo()
    {
        Answers.Undo();
        Reload();
    }

    /// <summary>Reads the page's events (and whatever follows from them) again.</summary>
    protected abstract void Reload();

    /// <summary>After a change saved outside <see cref="Answers"/> (a missed cramp logged): the page reads it.</summary>
    protected void Changed(bool saved)
    {
        if (saved)
        {
            Reload();
        }
    }

    private void Change(Func<CrampEvent, bool> change, Guid id)
    {
        if (Events.FirstOrDefault(e => e.Id == id) is { } shown)
        {
            Changed(change(shown));
        }
    }
}
