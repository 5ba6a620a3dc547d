using DeepDive.Web.Components;

namespace DeepDive.Web.Tests.Learning;

public sealed class MarkdownHtmlTests
{
    [Fact]
    public void Headings_lists_paragraphs_rules_and_tables_become_GOV_UK_markup()
    {
        var html = MarkdownHtml.Render("""
            # Title
            Some text
            on two lines.

            ## Part
            - one
            - two

            ---

            | Round | School |
            | --- | --- |
            | R1 | St Mary \| Upper |
            """).ToString();

        html.Should().Be("""
            <h1 class="govuk-heading-l">Title</h1>
            <p class="govuk-body">Some text on two lines.</p>
            <h2 class="govuk-heading-m">Part</h2>
            <ul class="govuk-list govuk-list--bullet">
            <li>one</li>
            <li>two</li>
            </ul>
            <hr class="govuk-section-break govuk-section-break--l govuk-section-break--visible">
            <table class="govuk-table">
            <thead class="govuk-table__head"><tr class="govuk-table__row"><th scope="col" class="govuk-table__header">Round</th><th scope="col" class="govuk-table__header">School</th></tr></thead>
            <tbody class="govuk-table__body">
            <tr class="govuk-table__row"><td class="govuk-table__cell">R1</td><td class="govuk-table__cell">St Mary | Upper</td></tr>
            </tbody>
            </table>

            """.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Markup_in_the_text_is_shown_as_text_never_run()
    {
        var html = MarkdownHtml.Render("# <script>alert(1)</script>\n- <img src=x onerror=alert(1)>\n[link](javascript:alert(1)) & more").ToString();

        html.Should().NotContain("<script").And.NotContain("<img").And.NotContain("<a ");
        html.Should().Contain("&lt;script&gt;").And.Contain("&lt;img src=x onerror=alert(1)&gt;").And.Contain("&amp; more");
    }
}
