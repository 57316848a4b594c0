using Ipp.Graph.Tests.Authorization;
using Ipp.Graph.Tests.Experiments.Write;
using Ipp.Graph.Tests.Support;
using static Ipp.Graph.Tests.Library.Sharing.Sharing;

namespace Ipp.Graph.Tests.Library.Sharing;

/// <summary>
/// Tags for the sharing tests, made, put on, taken off and deleted through the tag mutations, as their users do: a
/// user's own tag by that user, a custom one by an administrator (tags:manage).
/// </summary>
public static class TestTags
{
    /// <summary>Makes a tag: <paramref name="owner"/>'s own, or (null) a custom one; its global id.</summary>
    public static async Task<string> CreateAsync(RunningServer server, WriteUser? owner, string name)
    {
        var (mutation, maker) = owner is null
            ? ("createCustomTag", await AccessServers.SignUpAsync(server, "ADMIN"))
            : ("createTag", owner);
        var response = await PostAsync(server, $"mutation($name: String!) {{ {mutation}(input: {{name: $name}}) {{ tag {{ id }} }} }}", new { name }, maker);
        return response.Data(mutation).GetProperty("tag").GetProperty("id").GetString()!;
    }

    /// <summary>Puts the tag on the entry of <paramref name="owner"/> (both global ids).</summary>
    public static Task TagAsync(RunningServer server, WriteUser owner, string entryId, string tagId) =>
        ChangeAsync(server, owner, "tagEntries", entryId, tagId);

    /// <summary>Takes the tag off the entry of <paramref name="owner"/>.</summary>
    public static Task UntagAsync(RunningServer server, WriteUser owner, string entryId, string tagId) =>
        ChangeAsync(server, owner, "untagEntries", entryId, tagId);

    /// <summary>Deletes <paramref name="owner"/>'s own tag.</summary>
    public static async Task DeleteAsync(RunningServer server, WriteUser owner, string tagId)
    {
        var response = await PostAsync(server, "mutation($id: ID!) { deleteTag(input: {id: $id}) { deletedId } }", new { id = tagId }, owner);
        Assert.Equal(tagId, response.Data("deleteTag").GetProperty("deletedId").GetString());
    }

    private static async Task ChangeAsync(RunningServer server, WriteUser owner, string mutation, string entryId, string tagId)
    {
        var response = await PostAsync(
            server,
            $"mutation($entries: [ID!]!, $tags: [ID!]!) {{ {mutation}(input: {{entryIds: $entries, tagIds: $tags}}) {{ entries {{ id }} }} }}",
            new { entries = new[] { entryId }, tags = new[] { tagId } },
            owner);
        Assert.Single(response.Data(mutation).GetProperty("entries").EnumerateArray());
    }
}
