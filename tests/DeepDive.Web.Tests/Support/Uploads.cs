using System.Net.Http.Headers;
using System.Text;
using AngleSharp.Html.Parser;

namespace DeepDive.Web.Tests.Support;

/// <summary>Posts a page's file upload form (multipart) as a browser does: the file, and the page's anti-forgery token unless told not to.</summary>
public static class Uploads
{
    private static readonly HtmlParser Parser = new();

    public static async Task<BrowserClient.Page> UploadAsync(this BrowserClient client, string url, string field, string fileName, string content,
        bool withToken = true)
    {
        var page = await client.GetAsync(url);
        var form = page.Document.QuerySelector("main form[enctype='multipart/form-data']")
            ?? throw new InvalidOperationException($"No file upload form on {url}:\n{page.Text}");
        using var body = new MultipartFormDataContent();
        if (withToken)
        {
            var token = form.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
                ?? throw new InvalidOperationException($"The upload form on {url} has no anti-forgery token.");
            body.Add(new StringContent(token), "__RequestVerificationToken");
        }

        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(content));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        if (fileName.Length == 0)
        {
            // What a browser sends when no file was chosen: the part, with an empty file name.
            file.Headers.ContentDisposition = new ContentDispositionHeaderValue("form-data") { Name = $"\"{field}\"", FileName = "\"\"" };
            body.Add(file);
        }
        else
        {
            body.Add(file, field, fileName);
        }
        var response = await client.Http.PostAsync(form.GetAttribute("action") is { Length: > 0 } action ? action : url, body);
        var html = await response.Content.ReadAsStringAsync();
        return new BrowserClient.Page(response.StatusCode, await Parser.ParseDocumentAsync(html), response);
    }
}
