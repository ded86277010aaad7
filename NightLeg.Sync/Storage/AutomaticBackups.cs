using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NightLeg.Domain.Nights;

namespace NightLeg.Sync.Storage;

/// <summary>
/// A consistent copy of the database once a day, kept in <see cref="DatabaseBackups"/> (the newest
/// seven, owner-only). A backup is due when there is none dated today and either the morning is
/// over (<see cref="AfterHour"/> local) or the newest is older than <see cref="MaxAge"/> (for a
/// NightLeg that runs only at night). Checked at start and every <see cref="CheckEvery"/>; skipped
/// while storing fails. Thread-safe.
/// </summary>
public sealed partial class AutomaticBackups(NightLegDatabase database, NightCalendar calendar, TimeProvider time, ILogger<AutomaticBackups> logger) : BackgroundService
{
    /// <summary>Local hour after which the day's backup is made (the morning review is done by then).</summary>
    public const int AfterHour = 10;

    /// <summary>A newest backup older than this is replaced at the next check whatever the hour.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromHours(20);

    /// <summary>How often a backup being due is checked.</summary>
    public static readonly TimeSpan CheckEvery = TimeSpan.FromMinutes(15);

    private DateOnly? _failedOn;

    /// <summary>Makes the day's backup if it is due; returns the file made, or null.</summary>
    public FileInfo? BackUpIfDue()
    {
        if (database.Path is null || !database.Health.IsOk)
        {
            return null;
        }

        var now = time.GetUtcNow();
        var local = calendar.ToLocal(now);
        var today = DateOnly.FromDateTime(local.DateTime);
        var backups = DatabaseBackups.For(database.Path);
        var all = backups.List();
        if (all.Count > 0 && all[^1].Date >= today)
        {
            return null;
        }

        var newestAge = all.Count > 0 ? now - all[^1].File.LastWriteTimeUtc : TimeSpan.MaxValue;
        if (local.Hour < AfterHour && newestAge < MaxAge)
        {
            return null;
        }

        var target = backups.PathFor(today);
        try
        {
            if (backups.IsLink)
            {
                throw new StorageException($"{backups.Folder} is a link; NightLeg keeps its backups only in a folder of its own, and leaves this one as it is", problem: StorageProblem.NotOurs);
            }

            OwnerOnly.CreateDirectory(backups.Folder);
            OwnerOnly.Restrict(backups.Folder);
            database.BackUp(target);
            var pruned = backups.Prune(NightLegDatabase.IsOwnBackup);
            LogBackedUp(target, pruned);
            _failedOn = null;
            return new FileInfo(target);
        }
        catch (Exception e) when (e is StorageException or IOException or UnauthorizedAccessException)
        {
            if (_failedOn != today)
            {
                _failedOn = today;
                LogBackupFailed(target, e.Message);
            }

            return null;
        }
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(CheckEvery, time);
        try
        {
            do
            {
                BackUpIfDue();
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Backed up the database to {Target} ({Pruned} old backup(s) removed, the newest 7 kept)")]
    private partial void LogBackedUp(string target, int pruned);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The daily backup {Target} could not be made: {Problem}")]
    private partial void LogBackupFailed(string target, string problem);
}
