using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace DeepDive.Web.Tests.Support;

/// <summary>
/// Fills in and posts a page's form as a browser would: every field as the page shows it (text, checked boxes and
/// radios, chosen options, text areas, the anti-forgery token), with some fields changed. A field may carry several
/// values (checkboxes of one name); an empty list unticks them all.
/// </summary>
public static class FormFiller
{
    private static readonly HtmlParser Parser = new();

    public static async Task<BrowserClient.Page> FillAsync(this BrowserClient client, string url, IReadOnlyDictionary<string, string[]> changes,
        string? formAction = null, string? handler = null)
    {
        var page = await client.GetAsync(url);
        var form = page.Document.QuerySelectorAll("main form").OfType<IHtmlFormElement>()
            .FirstOrDefault(f => formAction is null || f.GetAttribute("action") == formAction)
            ?? throw new InvalidOperationException($"No form{(formAction is null ? "" : $" posting to {formAction}")} on {url}:\n{page.Text}");
        var fields = Values(form).Where(f => !changes.ContainsKey(f.Key)).ToList();
        fields.AddRange(changes.SelectMany(c => c.Value.Select(v => new KeyValuePair<string, string>(c.Key, v))));
        var action = form.GetAttribute("action") is { Length: > 0 } a ? a : url;
        if (handler is not null)
        {
            action += (action.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "handler=" + handler;
        }

        return await PostAsync(client, action, fields);
    }

    /// <summary>Posts exactly these fields (repeats allowed) and reads the answer as a page.</summary>
    public static async Task<BrowserClient.Page> PostAsync(BrowserClient client, string url, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var response = await client.Http.PostAsync(url, new FormUrlEncodedContent(fields));
        return await ReadAsync(response);
    }

    public static async Task<BrowserClient.Page> ReadAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        return new BrowserClient.Page(response.StatusCode, await Parser.ParseDocumentAsync(body), response);
    }

    /// <summary>What the form would post as it stands.</summary>
    public static IEnumerable<KeyValuePair<string, string>> Values(IElement form)
    {
        foreach (var element in form.QuerySelectorAll("input, textarea, select"))
        {
            var name = element.GetAttribute("name");
            if (string.IsNullOrEmpty(name) || element.HasAttribute("disabled"))
            {
                continue;
            }

            switch (element)
            {
                case IHtmlInputElement input when input.Type is "checkbox" or "radio":
                    if (input.HasAttribute("checked"))
                    {
                        yield return new(name, input.GetAttribute("value") ?? "on");
                    }

                    break;
                case IHtmlInputElement input when input.Type is "submit" or "button" or "file":
                    break;
                case IHtmlInputElement input:
                    yield return new(name, input.GetAttribute("value") ?? "");
                    break;
                case IHtmlTextAreaElement area:
                    yield return new(name, area.TextContent);
                    break;
                case IHtmlSelectElement select:
                    var chosen = select.QuerySelectorAll("option").FirstOrDefault(o => o.HasAttribute("selected")) ?? select.QuerySelector("option");
                    if (chosen is not null)
                    {
                        yield return new(name, chosen.GetAttribute("value") ?? chosen.TextContent);
                    }

                    break;
            }
        }
    }
}
