using DeepDive.Engine.Workflows.Data;
using DeepDive.Engine.Workflows.Persistence;

namespace DeepDive.Engine.Tests.Workflows;

public sealed class WorkflowJsonTests
{
    private readonly WorkflowJson json = WorkflowTypes.CreateSerializer();

    [Fact]
    public void AllowedTypes_RoundTrip()
    {
        var data = new DeepDiveData { PartnershipId = "p", DeepDiveId = "d", Tasks = [new TaskRef { TaskId = "t", Agency = "csc" }] };
        var back = json.Read(json.Write(data)).Should().BeOfType<DeepDiveData>().Subject;
        back.Tasks.Single().TaskId.Should().Be("t");
    }

    [Fact]
    public void StoredDataNamingAnotherType_IsRefused()
    {
        const string hostile = """{"$type":"System.IO.FileInfo","value":{"fileName":"/etc/passwd"}}""";
        var act = () => json.Read(hostile);
        act.Should().Throw<WorkflowDataRefusedException>().WithMessage("*System.IO.FileInfo*not on the allow-list*");
    }

    [Fact]
    public void WritingATypeNotOnTheList_IsRefused()
    {
        var act = () => json.Write(new Uri("https://example.org"));
        act.Should().Throw<WorkflowDataRefusedException>();
    }

    [Fact]
    public void Data_is_written_as_the_earlier_writer_wrote_it()
    {
        var data = new DeepDiveData { PartnershipId = "p", DeepDiveId = "d", Tasks = [new TaskRef { TaskId = "t", Agency = "csc" }] };

        json.Write(data).Should().Be("""
            {"$type":"DeepDive.Engine.Workflows.Data.DeepDiveData","value":{"partnershipId":"p","roundId":"","deepDiveId":"d","caseRef":"","firstDeepDiveId":null,"taskDeadlineWorkingDays":15,"deadlineSkipsSchoolHolidays":false,"timeZone":"Europe/London","chase":{"remindBeforeWorkingDays":[5,1],"escalateAfterWorkingDays":[1],"sendAt":"08:00"},"tasks":[{"taskId":"t","agency":"csc","auditorId":null,"unassignedReason":null,"grade":null}],"overallGrade":null,"needsWork":false}}
            """);
    }

    [Fact]
    public void A_value_whose_type_name_comes_after_it_is_read()
    {
        var back = json.Read("""{"value":{"deepDiveId":"d2"},"$type":"DeepDive.Engine.Workflows.Data.DeepDiveData"}""");

        back.Should().BeOfType<DeepDiveData>().Which.DeepDiveId.Should().Be("d2");
    }

    [Fact]
    public void Stored_data_without_a_type_name_is_refused()
    {
        var act = () => json.Read("""{"value":{"deepDiveId":"d2"}}""");

        act.Should().Throw<WorkflowDataRefusedException>().WithMessage("*no type name*");
    }
}
