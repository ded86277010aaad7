using NightLeg.Domain.Detection;
using NightLeg.Domain.Nights;
using NightLeg.Domain.Storage;

namespace NightLeg.Domain.Cramps;

/// <summary>
/// The cramp log: records detections, answers, reviews and hand-logged cramps, validating every
/// input before anything is written, so a refused input leaves storage exactly as it was.
/// Thread-safe when its repositories are.
/// </summary>
public sealed class CrampJournal
{
    /// <summary>How far outside the recorded night a hand-logged cramp may be (the user may have taken the watch off).</summary>
    public static readonly TimeSpan NightMargin = TimeSpan.FromHours(1);

    /// <summary>Without a recording, a night for hand-logging runs from this local evening hour to noon.</summary>
    public const int UnrecordedNightStartHour = 18;

    private readonly ICrampEventRepository _events;
    private readonly INightRepository _nights;
    private readonly NightCalendar _calendar;
    private readonly TimeProvider _time;
    private readonly ISleeperProfileRepository? _sleeper;
    private readonly Lock _learning = new();

    /// <summary>
    /// One read-modify-write of an event at a time: the night's recorder adds what followed an awakening
    /// while the user may be answering its prompt; without this one could write over the other's change.
    /// </summary>
    private readonly Lock _write = new();

    /// <summary>Detected events that could not be stored yet (storage failing): the prompt works on them, and their answers wait with them.</summary>
    private readonly Dictionary<Guid, CrampEvent> _held = [];

    /// <summary>
    /// Creates the journal over its stores, the user's calendar and a clock; with <paramref name="sleeper"/>,
    /// every answer to a detected event also teaches NightLeg about the sleeper (<see cref="SleeperLearning"/>).
    /// </summary>
    public CrampJournal(ICrampEventRepository events, INightRepository nights, NightCalendar calendar, TimeProvider time, ISleeperProfileRepository? sleeper = null)
    {
        _events = events;
        _nights = nights;
        _calendar = calendar;
        _time = time;
        _sleeper = sleeper;
    }

    /// <summary>Raised (on the caller's thread) after a cramp was confirmed in the morning or logged by hand, with the stored event.</summary>
    public event Action<CrampEvent>? CrampConfirmed;

    /// <summary>Cramps confirmed (or logged by hand) in <paramref name="night"/>.</summary>
    public int CountConfirmed(NightId night) => _events.ForNight(night).Count(e => e.IsConfirmedCramp);

    /// <summary>Stores a new event for a detected awakening and returns it.</summary>
    public CrampEvent RecordDetection(NightId night, AwakeningDetected detection)
    {
        var cramp = CrampEvent.FromDetection(Guid.NewGuid(), night, detection);
        StoreDetection(cramp);
        return cramp;
    }

    /// <summary>
    /// Stores (again) an event made by <see cref="CrampEvent.FromDetection"/>, e.g. one that waited while storage
    /// failed. The same detection of the same night is stored once: a night replayed again doubles nothing.
    /// </summary>
    public void StoreDetection(CrampEvent detected)
    {
        if (detected.Source != CrampEventSource.Detected)
        {
            throw new ArgumentException("Only a detected awakening is stored this way.", nameof(detected));
        }

        lock (_write)
        {
            // The latest state of an event held while storage failed: its answer too.
            var latest = _held.GetValueOrDefault(detected.Id) ?? detected;
            if (_events.ForNight(detected.Night).Any(e => e.Id != detected.Id && e.Source == CrampEventSource.Detected &&
                                                         e.Detection?.Onset == detected.Detection?.Onset && e.Detection?.DetectedAt == detected.Detection?.DetectedAt))
            {
                _held.Remove(detected.Id);
                return;
            }

            _events.Save(latest);
            _held.Remove(detected.Id);
        }
    }

    /// <summary>
    /// Keeps a detected event that could not be stored (storage failing) so its prompt still works: it can be
    /// answered, and the answer is stored with it when <see cref="StoreDetection"/> succeeds.
    /// </summary>
    public void Hold(CrampEvent detected)
    {
        lock (_write)
        {
            _held[detected.Id] = detected;
        }
    }

    /// <summary>The event as it is now: held (waiting to be stored), or stored.</summary>
    private CrampEvent? Find(Guid id) => _held.GetValueOrDefault(id) ?? _events.Get(id);

    /// <summary>Keeps a changed event: with the held one while it waits to be stored, else in storage.</summary>
    private void Put(CrampEvent cramp)
    {
        if (_held.ContainsKey(cramp.Id))
        {
            _held[cramp.Id] = cramp;
            return;
        }

        _events.Save(cramp);
    }

    private CrampEvent? FindDetection(NightId night, AwakeningDetected detection) =>
        _held.Values.Where(e => e.Night == night).Concat(_events.ForNight(night)).LastOrDefault(e => e.Source == CrampEventSource.Detected && e.Detection == detection);

    /// <summary>
    /// The sleeper was asleep again at <paramref name="at"/> after <paramref name="detection"/>: kept on
    /// its event so the morning review and history classify it as the detector saw it. Returns the
    /// updated event, or null when there is none for that detection.
    /// </summary>
    public CrampEvent? RecordSleepReturn(NightId night, AwakeningDetected detection, DateTimeOffset at)
    {
        lock (_write)
        {
            var cramp = FindDetection(night, detection);
            if (cramp is null)
            {
                return null;
            }

            var updated = cramp.SleptAgainAt(at);
            Put(updated);
            return updated;
        }
    }

    /// <summary>The answer to the prompt in the night, with an optional quick log (leg, intensity).</summary>
    public Outcome<CrampEvent> AnswerTonight(Guid id, NightAnswer answer, CrampReport? quickLog = null)
    {
        lock (_write)
        {
            if (Find(id) is not { } cramp)
            {
                return NotFound();
            }

            CrampDetails? details = null;
            if (quickLog is not null)
            {
                var validated = CrampReportValidator.Validate(quickLog);
                if (!validated.Succeeded)
                {
                    return Outcome<CrampEvent>.Failure(validated.Errors);
                }

                details = validated.Value;
            }

            var answered = cramp.Answered(answer, _time.GetUtcNow(), details);
            Put(answered);
            Relearn(cramp, answered);
            return Outcome<CrampEvent>.Success(answered);
        }
    }

    /// <summary>Confirms an event as a cramp in the morning, adding details to what it has (the night's quick log).</summary>
    public Outcome<CrampEvent> Confirm(Guid id, CrampReport report) => Change(id, report, (cramp, details) => cramp.Confirmed(details));

    /// <summary>
    /// Confirms an event as a cramp with exactly these details: an answer changed from "not a cramp", or a cramp's
    /// details edited (what the user cleared stays cleared).
    /// </summary>
    public Outcome<CrampEvent> Revise(Guid id, CrampReport report) => Change(id, report, (cramp, details) => cramp.Revised(details));

    private Outcome<CrampEvent> Change(Guid id, CrampReport report, Func<CrampEvent, CrampDetails, CrampEvent> confirm)
    {
        lock (_write)
        {
            if (Find(id) is not { } cramp)
            {
                return NotFound();
            }

            var validated = CrampReportValidator.Validate(report);
            if (!validated.Succeeded)
            {
                return Outcome<CrampEvent>.Failure(validated.Errors);
            }

            var confirmed = confirm(cramp, validated.Value!);
            Put(confirmed);
            Relearn(cramp, confirmed);
            if (!cramp.IsConfirmedCramp)
            {
                CrampConfirmed?.Invoke(confirmed);
            }

            return Outcome<CrampEvent>.Success(confirmed);
        }
    }

    /// <summary>Dismisses an event in the morning: it was not a cramp (also a confirmed one, when the user changes the answer).</summary>
    public Outcome<CrampEvent> Dismiss(Guid id, DismissReason reason, string? note = null)
    {
        lock (_write)
        {
            if (Find(id) is not { } cramp)
            {
                return NotFound();
            }

            note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
            if (note?.Length > CrampReportValidator.MaximumNoteLength)
            {
                return Outcome<CrampEvent>.Failure([new ValidationError("note", "note.tooLong", [note.Length, CrampReportValidator.MaximumNoteLength])]);
            }

            if (!Enum.IsDefined(reason))
            {
                return Outcome<CrampEvent>.Failure("reason", "reason.unknown");
            }

            var dismissed = cramp.Dismissed(reason, note);
            Put(dismissed);
            Relearn(cramp, dismissed);
            return Outcome<CrampEvent>.Success(dismissed);
        }
    }

    /// <summary>
    /// Takes back the morning's latest answer to an event: it gets the answer of <paramref name="earlier"/> (the
    /// same event as it was before that answer) again, and what the answer taught is unlearned. What the night
    /// recorded meanwhile (its course, sleep again) stays.
    /// </summary>
    public Outcome<CrampEvent> Restore(CrampEvent earlier)
    {
        lock (_write)
        {
            if (Find(earlier.Id) is not { } cramp)
            {
                return NotFound();
            }

            var restored = cramp.WithAnswerOf(earlier);
            Put(restored);
            Relearn(cramp, restored);
            return Outcome<CrampEvent>.Success(restored);
        }
    }

    /// <summary>Removes a cramp logged by hand (logged by mistake, or taken back at once). A detected awakening is never removed: it can be answered "not a cramp".</summary>
    public Outcome<CrampEvent> Remove(Guid id)
    {
        lock (_write)
        {
            if (Find(id) is not { } cramp)
            {
                return NotFound();
            }

            if (cramp.Source != CrampEventSource.LoggedByHand)
            {
                return Outcome<CrampEvent>.Failure("id", "event.detected");
            }

            _events.Delete(id);
            return Outcome<CrampEvent>.Success(cramp);
        }
    }

    /// <summary>
    /// What followed a detected awakening is known: kept on its event (the morning review reads it).
    /// Returns the updated event, or null when there is none for that detection.
    /// </summary>
    public CrampEvent? RecordCourse(NightId night, AwakeningDetected detection, AwakeningCourse course)
    {
        lock (_write)
        {
            var cramp = FindDetection(night, detection);
            if (cramp is null)
            {
                return null;
            }

            var updated = cramp.Followed(course);
            Put(updated);
            if (cramp.Course is null && (cramp.Status != ReviewStatus.Pending || cramp.Answer is NightAnswer.Cramp or NightAnswer.NotACramp))
            {
                Remember(updated); // answered before it was known how the awakening went on
            }

            return updated;
        }
    }

    private void Remember(CrampEvent answered)
    {
        if (_sleeper is null)
        {
            return;
        }

        lock (_learning)
        {
            _sleeper.SaveLearning(_sleeper.GetLearning().RememberCourseOf(answered));
        }
    }

    /// <summary>
    /// Every answer is a label, kept for the nights to come (<see cref="SleeperLearning"/>). An answer changed from
    /// <paramref name="before"/> to <paramref name="after"/>: what the old one taught is taken back, what the new one teaches is learned.
    /// </summary>
    private void Relearn(CrampEvent before, CrampEvent after)
    {
        if (_sleeper is null)
        {
            return;
        }

        lock (_learning)
        {
            var was = _sleeper.GetLearning();
            var now = was.Forget(before).Learn(after);
            if (now != was)
            {
                _sleeper.SaveLearning(now);
            }
        }
    }

    /// <summary>Logs a cramp the detector missed, at a UTC instant within that night.</summary>
    public Outcome<CrampEvent> LogByHand(NightId night, DateTimeOffset at, CrampReport report) => LogByHand(night, at, report, announce: true);

    /// <summary>
    /// Keeps a cramp from a diary kept elsewhere (an import): checked as one logged by hand, but not announced
    /// (<see cref="CrampConfirmed"/>) — last year's cramps are history, not news for the house.
    /// </summary>
    public Outcome<CrampEvent> Import(NightId night, DateTimeOffset at, CrampReport report) => LogByHand(night, at, report, announce: false);

    private Outcome<CrampEvent> LogByHand(NightId night, DateTimeOffset at, CrampReport report, bool announce)
    {
        var errors = new List<ValidationError>();
        var (from, to) = Bounds(night);
        if (at < from || at > to)
        {
            var localFrom = _calendar.ToLocal(from);
            var localTo = _calendar.ToLocal(to);
            errors.Add(new("at", "at.outsideNight",
                [_calendar.ToLocal(at).DateTime, night.EveningDate.ToDateTime(TimeOnly.MinValue), localFrom.DateTime, localTo.DateTime]));
        }
        else if (at > _time.GetUtcNow())
        {
            errors.Add(new("at", "at.future"));
        }

        var validated = CrampReportValidator.Validate(report);
        if (!validated.Succeeded)
        {
            errors.AddRange(validated.Errors);
        }

        if (errors.Count > 0)
        {
            return Outcome<CrampEvent>.Failure(errors);
        }

        var cramp = CrampEvent.LoggedByHand(Guid.NewGuid(), night, at, validated.Value!);
        _events.Save(cramp);
        if (announce)
        {
            CrampConfirmed?.Invoke(cramp);
        }

        return Outcome<CrampEvent>.Success(cramp);
    }

    /// <summary>Events of <paramref name="night"/> still waiting for the morning review.</summary>
    public IReadOnlyList<CrampEvent> Unreviewed(NightId night) =>
        _events.ForNight(night).Where(e => e.Status == ReviewStatus.Pending).ToList();

    /// <summary>The span a cramp of <paramref name="night"/> may be logged in (UTC).</summary>
    public (DateTimeOffset From, DateTimeOffset To) Bounds(NightId night)
    {
        if (_nights.Get(night) is { } recorded)
        {
            return ((recorded.ExplicitStart ?? recorded.RecordingStart) - NightMargin, (recorded.ExplicitEnd ?? recorded.RecordingEnd) + NightMargin);
        }

        return (_calendar.ToUtc(night.EveningDate, new TimeOnly(UnrecordedNightStartHour, 0)), _calendar.Window(night).End);
    }

    private static Outcome<CrampEvent> NotFound() =>
        Outcome<CrampEvent>.Failure("id", "event.notFound");
}
