using DeepDive.Engine.Tasks;

namespace DeepDive.Engine.Tests.Tasks;

public sealed class AnswersFileTests
{
    [Fact]
    public void Read_WhenComplete_TidiesGradesTextAndBlankPoints()
    {
        var reading = AnswersFile.Read("""
            {
              "grade": " Requires improvement ",
              "sections": [ { "section": " Assessment ", "evidence": " Timely. ", "grade": "GOOD" } ],
              "goodPractice": ["Seen alone.", "  "],
              "safeguardingConcern": "   "
            }
            """, complete: true);

        reading.Problems.Should().BeEmpty();
        reading.Answers!.Grade.Should().Be("requires-improvement");
        reading.Answers.Sections.Should().ContainSingle().Which.Should().BeEquivalentTo(new { Section = "Assessment", Evidence = "Timely.", Grade = "good" });
        reading.Answers.GoodPractice.Should().Equal("Seen alone.");
        reading.Answers.SafeguardingConcern.Should().BeNull();
    }

    [Fact]
    public void Read_AsASubmission_NamesTheMissingGradeAndEachSectionWithoutEvidence()
    {
        var reading = AnswersFile.Read("""{ "sections": [ { "section": "A", "evidence": "x" }, { "section": "B", "evidence": "" }, { "evidence": "y" } ] }""", complete: true);

        reading.Answers.Should().BeNull();
        reading.Problems.Should().Equal(
            new AnswerProblem("$.grade", "Select the overall grade"),
            new AnswerProblem("$.sections[1].evidence", "Enter the evidence for section 2"),
            new AnswerProblem("$.sections[2].section", "Enter the name of section 3"));
        reading.Problems[1].Field.Should().Be("sections[1].evidence");
    }

    [Fact]
    public void Read_AsADraft_TakesMissingAnswersButNotValuesOffTheScale()
    {
        AnswersFile.Read("""{ "sections": [ { "section": "A" } ] }""", complete: false).Problems.Should().BeEmpty();

        var reading = AnswersFile.Read("""{ "grade": "brilliant", "sections": [ { "section": "A", "grade": "meh" } ] }""", complete: false);

        reading.Problems.Select(p => p.Path).Should().Equal("$.grade", "$.sections[0].grade");
        reading.Problems[0].Message.Should().Be("'brilliant' is not a grade; use one of outstanding, good, requires-improvement, inadequate");
    }

    [Theory]
    [InlineData("""{ "grade": 3 }""", "$.grade")]
    [InlineData("""{ "mood": "happy" }""", "$")]
    [InlineData("""{ "sections": [ { "section": "A", "evidence": ["x"] } ] }""", "$.sections[0].evidence")]
    [InlineData("", "$")]
    [InlineData("null", "$")]
    public void Read_WhenTheJsonIsNotTheAnswersShape_SaysWhere(string json, string path)
    {
        var reading = AnswersFile.Read(json, complete: false);

        reading.Answers.Should().BeNull();
        reading.Problems.Should().ContainSingle().Which.Path.Should().StartWith(path);
    }

    [Fact]
    public void Parse_ForTheCommandLine_PutsTheFileAndPathBeforeEachProblem()
    {
        var parse = () => AnswersFile.Parse("""{ "grade": "good", "sections": [ { "section": "A" } ] }""", "answers.json");

        parse.Should().Throw<InvalidDataException>().WithMessage("answers.json: $.sections[0].evidence: Enter the evidence for section 1");
    }
}
