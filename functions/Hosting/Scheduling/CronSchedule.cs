using NCrontab;

namespace CowansSync.Functions.Hosting.Scheduling;

/// <summary>
/// An NCRONTAB schedule as the Azure Functions timer trigger reads it: six fields, seconds first
/// (<c>second minute hour day month day-of-week</c>), parsed and evaluated by NCrontab (what the Functions host uses),
/// in UTC.
/// </summary>
public sealed class CronSchedule
{
    private static readonly CrontabSchedule.ParseOptions SixFields = new() { IncludingSeconds = true };

    // 28 years is one cycle of weekdays over leap years; 100 covers the century rules too.
    private const int SearchYears = 100;
    private static readonly DateTime SearchFrom = new(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    private readonly CrontabSchedule _schedule;

    private CronSchedule(string expression, CrontabSchedule schedule) => (Expression, _schedule) = (expression, schedule);

    /// <summary>The expression as written.</summary>
    public string Expression { get; }

    /// <summary>Parses a six-field NCRONTAB expression.</summary>
    /// <param name="expression">For example <c>0 */15 * * * *</c> (every 15 minutes).</param>
    /// <returns>The schedule.</returns>
    /// <exception cref="FormatException">The expression is malformed; the message quotes it and NCrontab's reason.</exception>
    public static CronSchedule Parse(string expression) =>
        Parse(expression, SixFields, "a six-field NCRONTAB expression (second minute hour day month day-of-week)");

    /// <summary>Parses a schedule people write: six fields as the timers take them, or the classic five (minute first, no seconds).</summary>
    /// <param name="expression">For example <c>0 2 * * *</c> (daily at 02:00) or <c>0 0 2 * * *</c>.</param>
    /// <returns>The schedule.</returns>
    /// <exception cref="FormatException">The expression is malformed; the message quotes it and NCrontab's reason.</exception>
    public static CronSchedule ParseFiveOrSixFields(string expression)
    {
        ArgumentNullException.ThrowIfNull(expression);
        return expression.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length == 5
            ? Parse(expression, new CrontabSchedule.ParseOptions { IncludingSeconds = false }, "a five-field cron expression (minute hour day month day-of-week)")
            : Parse(expression, SixFields, "a cron expression of five fields (minute hour day month day-of-week) or six (seconds first)");
    }

    private static CronSchedule Parse(string expression, CrontabSchedule.ParseOptions options, string shape)
    {
        ArgumentNullException.ThrowIfNull(expression);
        CrontabSchedule schedule;
        try
        {
            schedule = CrontabSchedule.Parse(expression, options);
        }
        catch (CrontabException error)
        {
            throw new FormatException($"The schedule '{expression}' is not {shape}: {error.Message}", error);
        }

        // NCrontab accepts a day that never comes (30 February) and would wait until its end time: refuse it instead.
        var end = SearchFrom.AddYears(SearchYears);
        return schedule.GetNextOccurrence(SearchFrom, end) < end
            ? new CronSchedule(expression, schedule)
            : throw new FormatException($"The schedule '{expression}' never occurs: no month has the day it names on the weekday it names.");
    }

    /// <summary>The latest occurrence after <paramref name="after"/> and at or before <paramref name="atOrBefore"/>.</summary>
    /// <param name="after">The start, exclusive.</param>
    /// <param name="atOrBefore">The end, inclusive.</param>
    /// <returns>The occurrence in UTC, or <see langword="null"/> when none falls between.</returns>
    public DateTimeOffset? GetLatestOccurrence(DateTimeOffset after, DateTimeOffset atOrBefore)
    {
        // NCrontab's end is exclusive and its resolution a second.
        var latest = _schedule.GetNextOccurrences(after.UtcDateTime, atOrBefore.UtcDateTime.AddTicks(1)).Select(occurrence => (DateTime?)occurrence).LastOrDefault();
        return latest is { } found ? new DateTimeOffset(DateTime.SpecifyKind(found, DateTimeKind.Utc)) : null;
    }

    /// <summary>The first occurrence strictly after <paramref name="after"/>.</summary>
    /// <param name="after">Any instant; its offset does not matter, schedules run in UTC.</param>
    /// <returns>The occurrence, in UTC.</returns>
    public DateTimeOffset GetNextOccurrence(DateTimeOffset after) =>
        new(DateTime.SpecifyKind(_schedule.GetNextOccurrence(after.UtcDateTime), DateTimeKind.Utc));

    /// <inheritdoc />
    public override string ToString() => Expression;
}
