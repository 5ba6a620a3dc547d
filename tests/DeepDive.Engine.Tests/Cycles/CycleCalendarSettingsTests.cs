using System.Text.Json.Nodes;
using DeepDive.Engine.Cycles;

namespace DeepDive.Engine.Tests.Cycles;

public sealed class CycleCalendarSettingsTests
{
    [Fact]
    public void Parse_TheOldCalendarDayDeadline_SaysDeadlinesAreNowWorkingDays()
    {
        var errors = CycleJson.ErrorsOf(CycleJson.Valid(c =>
        {
            c.Remove("taskDeadlineWorkingDays");
            c["taskDeadlineDays"] = 20;
        }));

        errors.Select(e => e.ToString()).Should().Equal(
            "$.taskDeadlineDays: deadlines are now counted in working days: use 'taskDeadlineWorkingDays' (e.g. 15 for three weeks, 5 for a rapid audit)");
    }

    [Fact]
    public void ReadStored_ACycleStoredWithCalendarDays_KeepsTheSameSpanInWorkingDays()
    {
        var stored = CycleJson.Valid(c =>
        {
            c.Remove("taskDeadlineWorkingDays");
            c["taskDeadlineDays"] = 20;
        }).ToJsonString();

        CycleFile.ReadStored(stored).TaskDeadlineWorkingDays.Should().Be(14);
    }

    [Fact]
    public void SchoolHolidays_AreAvoidedByEducationAuditsUnlessTheScheduleSaysOtherwise()
    {
        CycleFile.Parse(CycleJson.Valid().ToJsonString(), "f").AvoidsSchoolHolidays().Should().BeFalse();
        CycleFile.Parse(CycleJson.Valid(c => c["education"] = true).ToJsonString(), "f").AvoidsSchoolHolidays().Should().BeTrue();
        CycleFile.Parse(CycleJson.Valid(c =>
        {
            c["education"] = true;
            c.Schedule()["avoidSchoolHolidays"] = false;
        }).ToJsonString(), "f").AvoidsSchoolHolidays().Should().BeFalse();
    }

    [Fact]
    public void Parse_AnyDaySchedule_CannotAvoidSchoolHolidays()
    {
        var errors = CycleJson.ErrorsOf(CycleJson.Valid(c =>
        {
            c.Schedule()["workingDaysOnly"] = false;
            c.Schedule()["avoidSchoolHolidays"] = JsonValue.Create(true);
        }));

        errors.Select(e => e.ToString()).Should().Equal(
            "$.schedule.avoidSchoolHolidays: a schedule that fires on any day ('workingDaysOnly': false) cannot avoid school holidays");
    }
}
