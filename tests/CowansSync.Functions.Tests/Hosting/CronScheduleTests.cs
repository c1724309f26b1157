using System.Globalization;
using CowansSync.Functions.Hosting.Scheduling;

namespace CowansSync.Functions.Tests.Hosting;

public sealed class CronScheduleTests
{
    [Theory]
    [InlineData("0 */15 * * * *", "2026-01-01T10:07:31Z", "2026-01-01T10:15:00Z")]
    [InlineData("*/10 * * * * *", "2026-01-01T10:00:09Z", "2026-01-01T10:00:10Z")]
    [InlineData("0 0 9-17 * * *", "2026-01-01T17:00:00Z", "2026-01-02T09:00:00Z")]
    [InlineData("0 5-20/5 * * * *", "2026-01-01T10:20:00Z", "2026-01-01T11:05:00Z")]
    [InlineData("0 7/20 * * * *", "2026-01-01T10:28:00Z", "2026-01-01T10:47:00Z")]
    [InlineData("0 0 8,12,18 * * *", "2026-01-01T12:00:00Z", "2026-01-01T18:00:00Z")]
    [InlineData("0 0 0 * * MON-FRI", "2026-01-02T12:00:00Z", "2026-01-05T00:00:00Z")]
    [InlineData("0 0 0 * * 0", "2026-01-01T00:00:00Z", "2026-01-04T00:00:00Z")]
    [InlineData("0 0 0 1 JAN,Jul *", "2026-02-01T00:00:00Z", "2026-07-01T00:00:00Z")]
    [InlineData("0 30 23 31 * *", "2026-04-01T00:00:00Z", "2026-05-31T23:30:00Z")]
    [InlineData("0 0 0 1 * *", "2026-12-31T23:59:59Z", "2027-01-01T00:00:00Z")]
    [InlineData("0 0 12 29 2 *", "2025-03-01T00:00:00Z", "2028-02-29T12:00:00Z")]
    [InlineData("0 0 12 29 2 TUE", "2028-03-01T00:00:00Z", "2056-02-29T12:00:00Z")]
    [InlineData("0 0 0 13 * FRI", "2026-01-01T00:00:00Z", "2026-02-13T00:00:00Z")]
    [InlineData("* * * * * *", "2026-01-01T10:00:00.250Z", "2026-01-01T10:00:01Z")]
    public void GetNextOccurrence_Expression_ReturnsFirstMatchAfter(string expression, string after, string expected)
    {
        // Arrange
        var sut = CronSchedule.Parse(expression);

        // Act
        var next = sut.GetNextOccurrence(DateTimeOffset.Parse(after, CultureInfo.InvariantCulture));

        // Assert
        Assert.Equal(DateTimeOffset.Parse(expected, CultureInfo.InvariantCulture), next);
    }

    [Fact]
    public void GetNextOccurrence_OffsetInput_IsEvaluatedInUtc()
    {
        var sut = CronSchedule.Parse("0 0 2 * * *");

        var next = sut.GetNextOccurrence(new DateTimeOffset(2026, 6, 1, 3, 0, 0, TimeSpan.FromHours(2)));

        Assert.Equal(new DateTimeOffset(2026, 6, 1, 2, 0, 0, TimeSpan.Zero), next);
        Assert.Equal(TimeSpan.Zero, next.Offset);
    }

    [Theory]
    [InlineData("0 */5 * * *")]
    [InlineData("0 0 0 * * * *")]
    [InlineData("60 * * * * *")]
    [InlineData("0 0 24 * * *")]
    [InlineData("0 0 0 * 13 *")]
    [InlineData("0 x * * * *")]
    [InlineData("0 0 0 * FOO *")]
    public void Parse_InvalidExpression_ThrowsFormatExceptionQuotingIt(string expression)
    {
        var error = Assert.Throws<FormatException>(() => CronSchedule.Parse(expression));

        Assert.Contains($"'{expression}'", error.Message, StringComparison.Ordinal);
        Assert.Contains("six-field NCRONTAB", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0 0 0 30 2 *")]
    [InlineData("0 0 0 31 4,6,9,11 *")]
    public void Parse_DayThatNeverComes_ThrowsFormatExceptionSayingSo(string expression)
    {
        var error = Assert.Throws<FormatException>(() => CronSchedule.Parse(expression));

        Assert.Contains($"'{expression}' never occurs", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0 2 * * *", "2026-01-01T02:00:00Z", "2026-01-02T02:00:00Z")]
    [InlineData("*/20 9 * * MON", "2026-01-05T09:20:00Z", "2026-01-05T09:40:00Z")]
    [InlineData("0 0 2 * * *", "2026-01-01T02:00:00Z", "2026-01-02T02:00:00Z")]
    public void ParseFiveOrSixFields_Expression_FiveFieldsStartAtTheMinute(string expression, string after, string expected)
    {
        var sut = CronSchedule.ParseFiveOrSixFields(expression);

        Assert.Equal(DateTimeOffset.Parse(expected, CultureInfo.InvariantCulture), sut.GetNextOccurrence(DateTimeOffset.Parse(after, CultureInfo.InvariantCulture)));
    }

    [Theory]
    [InlineData("0 25 * * *")]
    [InlineData("0 2 * *")]
    public void ParseFiveOrSixFields_InvalidExpression_ThrowsFormatExceptionQuotingIt(string expression)
    {
        var error = Assert.Throws<FormatException>(() => CronSchedule.ParseFiveOrSixFields(expression));

        Assert.Contains($"'{expression}'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2026-01-01T01:00:00Z", "2026-01-03T01:59:59Z", "2026-01-02T02:00:00Z")]
    [InlineData("2026-01-01T01:00:00Z", "2026-01-03T02:00:00Z", "2026-01-03T02:00:00Z")]
    [InlineData("2026-01-01T02:00:00Z", "2026-01-02T01:00:00Z", null)]
    public void GetLatestOccurrence_Range_LatestAfterStartUpToAndIncludingEnd(string after, string atOrBefore, string? expected)
    {
        var sut = CronSchedule.ParseFiveOrSixFields("0 2 * * *");

        var latest = sut.GetLatestOccurrence(DateTimeOffset.Parse(after, CultureInfo.InvariantCulture), DateTimeOffset.Parse(atOrBefore, CultureInfo.InvariantCulture));

        Assert.Equal(expected is null ? null : DateTimeOffset.Parse(expected, CultureInfo.InvariantCulture), latest);
    }
}
