using System.Text.Json.Nodes;
using DeepDive.Engine.Cycles;

namespace DeepDive.Engine.Tests.Cycles;

public sealed class CycleFileErrorTests
{
    [Fact]
    public void Parse_MissingRequiredProperty_NamesIt()
    {
        var errors = CycleJson.ErrorsOf(CycleJson.Valid(c => c.Remove("sampleSize")));

        errors.Should().Equal(new CycleFileError("$", "required property 'sampleSize' is missing"));
    }

    [Fact]
    public void Parse_WrongType_SaysWhatWasExpectedAndFound()
    {
        var errors = CycleJson.ErrorsOf(CycleJson.Valid(c => c["sampleSize"] = "10"));

        errors.Should().Equal(new CycleFileError("$.sampleSize", "expected a whole number but found the string \"10\""));
    }

    [Fact]
    public void Parse_FractionWhereAWholeNumberBelongs_IsAWrongType()
    {
        var errors = CycleJson.ErrorsOf(CycleJson.Valid(c => c["sampleSize"] = 10.5));

        errors.Should().Equal(new CycleFileError("$.sampleSize", "expected a whole number but found the number 10.5"));
    }

    [Fact]
    public void Parse_WholeNumberWrittenWithADecimalPoint_IsExplained()
    {
        var json = CycleJson.Valid().ToJsonString().Replace("\"sampleSize\":10", "\"sampleSize\":10.0", StringComparison.Ordinal);

        var errors = CycleJson.ErrorsOf(json);

        errors.Should().Equal(new CycleFileError("$.sampleSize", "expected a whole number written without a decimal point, e.g. 10 rather than 10.0"));
    }

    [Fact]
    public void Parse_BooleanGivenAsText_IsAWrongType()
    {
        var errors = CycleJson.ErrorsOf(CycleJson.Valid(c => c["education"] = "yes"));

        errors.Should().Equal(new CycleFileError("$.education", "expected true or false but found the string \"yes\""));
    }

    [Theory]
    [InlineData("sampleSize", 0, "$.sampleSize", "value 0 is below the minimum of 1")]
    [InlineData("sampleSize", 201, "$.sampleSize", "value 201 is above the maximum of 200")]
    [InlineData("reserveSize", 51, "$.reserveSize", "value 51 is above the maximum of 50")]
    [InlineData("taskDeadlineWorkingDays", 61, "$.taskDeadlineWorkingDays", "value 61 is above the maximum of 60")]
    public void Parse_NumberOutOfRange_GivesTheLimit(string property, int value, string path, string reason)
    {
        var errors = CycleJson.ErrorsOf(CycleJson.Valid(c => c[property] = value));

        errors.Should().Equal(new CycleFileError(path, reason));
    }

    [Fact]
    public void Parse_NestedNumberOutOfRange_PointsIntoTheObject()
    {
        var errors = CycleJson.ErrorsOf(CycleJson.Valid(c => c["reAudit"]!["intervalMonths"] = 12));

        errors.Should().Equal(new CycleFileError("$.reAudit.intervalMonths", "value 12 is above the maximum of 11"));
    }

    [Fact]
    public void Parse_MonthOutOfRange_PointsAtTheArrayItem()
    {
        var errors = CycleJson.ErrorsOf(CycleJson.Valid(c => c.Schedule()["months"] = new JsonArray(3, 13)));

        errors.Should().Equal(new CycleFileError("$.schedule.months[1]", "value 13 is above the maximum of 12"));
    }

    [Fact]
    public void Parse_MonthListedTwice_PointsAtTheRepeat()
    {
        var errors = CycleJson.ErrorsOf(CycleJson.Valid(c => c.Schedule()["months"] = new JsonArray(3, 9, 3)));

        errors.Should().Equal(new CycleFileError("$.schedule.months[2]", "3 is listed twice (also at [0])"));
    }

    [Fact]
    public void Parse_AgencyListedTwice_PointsAtTheRepeat()
    {
        var errors = CycleJson.ErrorsOf(CycleJson.Valid(c => c["population"]!["agencies"] = new JsonArray("csc", "police", "csc")));

        errors.Should().Equal(new CycleFileError("$.population.agencies[2]", "'csc' is listed twice (also at [0])"));
    }

    [Fact]
    public void Parse_UnknownProperty_NamesItAndSuggestsTheIntendedOne()
    {
        var errors = CycleJson.ErrorsOf(CycleJson.Valid(c =>
        {
            var size = c["sampleSize"]!.GetValue<int>();
            c.Remove("sampleSize");
            c["sampelSize"] = size;
        }));

        errors.Should().Equal(
            new CycleFileError("$", "required property 'sampleSize' is missing"),
            new CycleFileError("$.sampelSize", "unknown property 'sampelSize' (did you mean 'sampleSize'?)"));
    }

    [Fact]
    public void Parse_UnknownPropertyUnlikeAnyOther_ListsTheAllowedOnes()
    {
        var errors = CycleJson.ErrorsOf(CycleJson.Valid(c => c["reAudit"]!["whenever"] = true));

        errors.Should().Equal(new CycleFileError("$.reAudit.whenever", "unknown property 'whenever'; allowed here: needsWork, intervalMonths, originalAuditorMayReAudit, sameAuditYear, auditYearStartMonth, outsideYear"));
    }

    [Fact]
    public void Parse_UnknownPropertyInSchedule_IsCaught()
    {
        var errors = CycleJson.ErrorsOf(CycleJson.Valid(c => c.Schedule()["timezone"] = "Europe/London"));

        errors.Should().Equal(new CycleFileError("$.schedule.timezone", "unknown property 'timezone' (did you mean 'timeZone'?)"));
    }

    [Fact]
    public void Parse_BothCronAndMonths_IsRefused()
    {
        var errors = CycleJson.ErrorsOf(CycleJson.Valid(c => c["schedule"] = new JsonObject
        {
            ["cron"] = "0 0 9 ? MAR,SEP MON#1",
            ["months"] = new JsonArray(3, 9),
        }));

        errors.Should().Equal(new CycleFileError("$.schedule", "give either 'cron' or 'months', not both"));
    }

    [Fact]
    public void Parse_NeitherCronNorMonths_IsRefused()
    {
        var errors = CycleJson.ErrorsOf(CycleJson.Valid(c => c["schedule"] = new JsonObject { ["timeZone"] = "Europe/London" }));

        errors.Should().Equal(new CycleFileError("$.schedule", "needs either 'cron' or 'months'"));
    }

    [Fact]
    public void Parse_WeekdayBesideCron_IsRefusedBecauseItWouldBeIgnored()
    {
        var errors = CycleJson.ErrorsOf(CycleJson.Valid(c => c["schedule"] = new JsonObject
        {
            ["cron"] = "0 0 9 ? MAR,SEP MON#1",
            ["weekday"] = "friday",
        }));

        errors.Should().Equal(new CycleFileError("$.schedule.weekday", "'weekday' goes with 'months'; with 'cron' the cron expression sets the day and time"));
    }

    [Fact]
    public void Parse_BadCron_GivesQuartzsReason()
    {
        var errors = CycleJson.ErrorsOf(CycleJson.Valid(c => c["schedule"] = new JsonObject { ["cron"] = "0 0 9 ? MAR,SEP MON#6" }));

        errors.Should().Equal(new CycleFileError(
            "$.schedule.cron", "not a valid Quartz cron expression: A numeric value between 1 and 5 must follow the '#' option"));
    }

    [Fact]
    public void Parse_UnixStyleCron_IsRefused()
    {
        var errors = CycleJson.ErrorsOf(CycleJson.Valid(c => c["schedule"] = new JsonObject { ["cron"] = "0 9 * * 1" }));

        errors.Should().ContainSingle().Which.Path.Should().Be("$.schedule.cron");
        errors[0].Reason.Should().StartWith("not a valid Quartz cron expression: ");
    }

    [Fact]
    public void Parse_UnknownTimeZone_IsRefused()
    {
        var errors = CycleJson.ErrorsOf(CycleJson.Valid(c => c.Schedule()["timeZone"] = "Europe/Londn"));

        errors.Should().Equal(new CycleFileError("$.schedule.timeZone", "unknown time zone 'Europe/Londn'; use an IANA name such as Europe/London"));
    }

    [Fact]
    public void Parse_WeekendDay_IsNotAnAllowedWeekday()
    {
        var errors = CycleJson.ErrorsOf(CycleJson.Valid(c => c.Schedule()["weekday"] = "sunday"));

        errors.Should().Equal(new CycleFileError("$.schedule.weekday", "'sunday' is not one of: monday, tuesday, wednesday, thursday, friday"));
    }

    [Theory]
    [InlineData("9:00")]
    [InlineData("24:00")]
    [InlineData("09:60")]
    public void Parse_TimeNotHoursAndMinutes_IsRefused(string time)
    {
        var errors = CycleJson.ErrorsOf(CycleJson.Valid(c => c.Schedule()["time"] = time));

        errors.Should().Equal(new CycleFileError("$.schedule.time", $"'{time}' is not valid here: expected a 24-hour time HH:mm, e.g. 09:00"));
    }

    [Fact]
    public void Parse_IdThatIsNotASlug_IsRefused()
    {
        var errors = CycleJson.ErrorsOf(CycleJson.Valid(c => c["id"] = "Neglect 2027"));

        errors.Should().Equal(new CycleFileError(
            "$.id", "'Neglect 2027' is not valid here: expected a slug of lowercase letters, digits and single hyphens, e.g. neglect-2027"));
    }

    [Fact]
    public void Parse_BlankCaseType_PointsAtIt()
    {
        var errors = CycleJson.ErrorsOf(CycleJson.Valid(c => c["population"]!["caseTypes"] = new JsonArray("child-in-need", " ")));

        errors.Should().Equal(new CycleFileError("$.population.caseTypes[1]", "a case type must not be empty"));
    }

    [Fact]
    public void Parse_EmptyAgencyListOrNonTextAgency_IsRefused()
    {
        var errors = CycleJson.ErrorsOf(CycleJson.Valid(c =>
        {
            c["population"]!["agencies"] = new JsonArray();
            c["population"]!["caseTypes"] = new JsonArray("child-in-need", 7);
        }));

        errors.Should().Equal(
            new CycleFileError("$.population.agencies", "must list at least one value"),
            new CycleFileError("$.population.caseTypes[1]", "expected a string but found the number 7"));
    }

    [Fact]
    public void Parse_PropertyGivenTwice_IsRefused()
    {
        var json = CycleJson.Valid().ToJsonString().Replace("\"sampleSize\":10", "\"sampleSize\":10,\"sampleSize\":12", StringComparison.Ordinal);

        var errors = CycleJson.ErrorsOf(json);

        errors.Should().Equal(new CycleFileError("$.sampleSize", "property 'sampleSize' is given more than once"));
    }

    [Fact]
    public void Parse_MalformedJson_GivesOneErrorWithLineAndPosition()
    {
        var errors = CycleJson.ErrorsOf("{\n  \"id\": \"neglect-2027\",\n    name: \"Neglect\"\n}");

        errors.Should().ContainSingle().Which.Path.Should().Be("$");
        errors[0].Reason.Should().StartWith("not valid JSON at line 3, position 5: ").And.Contain("property name")
            .And.NotContain("LineNumber");
    }

    [Fact]
    public void Parse_EmptyFile_SaysSo()
    {
        CycleJson.ErrorsOf("  \n").Should().Equal(new CycleFileError("$", "the file is empty"));
    }

    [Fact]
    public void Parse_ListInsteadOfObject_IsAWrongType()
    {
        CycleJson.ErrorsOf("[]").Should().Equal(new CycleFileError("$", "expected an object but found a list"));
    }

    [Fact]
    public void Parse_SeveralProblems_ReportsThemAllInReadingOrder()
    {
        var json = CycleJson.Valid(c =>
        {
            c.Remove("theme");
            c["id"] = "Neglect";
            c.Schedule()["cron"] = "not a cron";
            c.Schedule()["timeZone"] = "Mars/Olympus";
            c["sampleSize"] = 0;
            c["reAudit"]!["intervalMonth"] = 3;
        });

        var errors = CycleJson.ErrorsOf(json);

        errors.Select(e => e.Path).Should().Equal(
            "$", "$.id", "$.schedule", "$.schedule.weekday", "$.schedule.time", "$.schedule.timeZone", "$.schedule.cron", "$.sampleSize",
            "$.reAudit.intervalMonth");
        errors[0].Reason.Should().Be("required property 'theme' is missing");
        errors[2].Reason.Should().Be("give either 'cron' or 'months', not both");
    }

    [Fact]
    public void Exception_MessageListsEveryProblemWithTheFileName()
    {
        var json = CycleJson.Valid(c =>
        {
            c["sampleSize"] = 0;
            c.Schedule()["timeZone"] = "Europe/Londn";
        }).ToJsonString();

        var act = () => CycleFile.Parse(json, "neglect.json");

        act.Should().Throw<CycleFileException>().Which.Message.Split(Environment.NewLine).Should().Equal(
            "neglect.json: $.schedule.timeZone: unknown time zone 'Europe/Londn'; use an IANA name such as Europe/London",
            "neglect.json: $.sampleSize: value 0 is below the minimum of 1");
    }
}
