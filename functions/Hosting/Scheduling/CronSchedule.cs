namespace CowansSync.Functions.Hosting.Scheduling;

/// <summary>
/// An NCRONTAB schedule as the Azure Functions timer trigger reads it: six fields, seconds first
/// (<c>second minute hour day month day-of-week</c>), evaluated in UTC.
/// </summary>
/// <remarks>
/// Each field takes <c>*</c>, numbers, ranges <c>a-b</c>, lists <c>a,b</c> and steps <c>*/n</c>, <c>a-b/n</c>, <c>a/n</c>;
/// months and days of the week also take names (<c>JAN</c>, <c>MON</c>), and day-of-week 7 is Sunday like 0.
/// As in NCrontab (what the Functions host uses), a time must match the day-of-month <em>and</em> the day-of-week.
/// </remarks>
public sealed class CronSchedule
{
    private static readonly string[] MonthNames = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];
    private static readonly string[] DayNames = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"];
    private static readonly int[] MaxDaysInMonth = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

    // 28 years is one full cycle of weekdays over leap years; 100 covers the century rules too.
    private const int SearchYears = 100;

    private readonly CronField _seconds;
    private readonly CronField _minutes;
    private readonly CronField _hours;
    private readonly CronField _days;
    private readonly CronField _months;
    private readonly CronField _daysOfWeek;

    private CronSchedule(string expression, CronField[] fields)
    {
        Expression = expression;
        (_seconds, _minutes, _hours, _days, _months, _daysOfWeek) = (fields[0], fields[1], fields[2], fields[3], fields[4], fields[5]);
    }

    /// <summary>The expression as written.</summary>
    public string Expression { get; }

    /// <summary>Parses a six-field NCRONTAB expression.</summary>
    /// <param name="expression">For example <c>0 */15 * * * *</c> (every 15 minutes).</param>
    /// <returns>The schedule.</returns>
    /// <exception cref="FormatException">The expression is malformed or can never occur; the message says which field and why.</exception>
    public static CronSchedule Parse(string expression)
    {
        ArgumentNullException.ThrowIfNull(expression);
        var parts = expression.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 6)
        {
            throw new FormatException(
                $"The NCRONTAB expression '{expression}' has {parts.Length} fields; it needs 6: second minute hour day month day-of-week.");
        }

        try
        {
            var schedule = new CronSchedule(expression,
            [
                CronField.Parse(parts[0], "second", 0, 59),
                CronField.Parse(parts[1], "minute", 0, 59),
                CronField.Parse(parts[2], "hour", 0, 23),
                CronField.Parse(parts[3], "day", 1, 31),
                CronField.Parse(parts[4], "month", 1, 12, MonthNames, nameOffset: 1),
                CronField.Parse(parts[5], "day-of-week", 0, 7, DayNames).Fold(7, 0),
            ]);
            schedule.EnsureDayExists();
            return schedule;
        }
        catch (FormatException error)
        {
            throw new FormatException($"The NCRONTAB expression '{expression}' is invalid. {error.Message}", error);
        }
    }

    /// <summary>The first time strictly after <paramref name="after"/> that the schedule matches, in UTC, whole seconds.</summary>
    /// <param name="after">The time to start from.</param>
    /// <returns>The next occurrence.</returns>
    /// <exception cref="InvalidOperationException">No occurrence within a century (a weekday that never falls on the day).</exception>
    public DateTimeOffset GetNextOccurrence(DateTimeOffset after)
    {
        var utc = after.ToUniversalTime();
        var time = new DateTimeOffset(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero).AddSeconds(1);
        var limit = time.AddYears(SearchYears);
        while (time < limit)
        {
            if (!_months.Contains(time.Month))
            {
                time = new DateTimeOffset(time.Year, time.Month, 1, 0, 0, 0, TimeSpan.Zero).AddMonths(1);
            }
            else if (!_days.Contains(time.Day) || !_daysOfWeek.Contains((int)time.DayOfWeek))
            {
                time = new DateTimeOffset(time.Date, TimeSpan.Zero).AddDays(1);
            }
            else if (!_hours.Contains(time.Hour))
            {
                time = new DateTimeOffset(time.Date, TimeSpan.Zero).AddHours(time.Hour + 1);
            }
            else if (!_minutes.Contains(time.Minute))
            {
                time = new DateTimeOffset(time.Date, TimeSpan.Zero).AddHours(time.Hour).AddMinutes(time.Minute + 1);
            }
            else if (!_seconds.Contains(time.Second))
            {
                time = time.AddSeconds(1);
            }
            else
            {
                return time;
            }
        }

        throw new InvalidOperationException($"The NCRONTAB expression '{Expression}' has no occurrence within {SearchYears} years of {after:O}.");
    }

    /// <inheritdoc />
    public override string ToString() => Expression;

    // Rejects schedules such as "0 0 0 30 2 *" (30 February) that would otherwise wait forever.
    private void EnsureDayExists()
    {
        for (var month = 1; month <= 12; month++)
        {
            for (var day = 1; day <= MaxDaysInMonth[month - 1]; day++)
            {
                if (_months.Contains(month) && _days.Contains(day))
                {
                    return;
                }
            }
        }

        throw new FormatException("No allowed month has any of the allowed days.");
    }
}
