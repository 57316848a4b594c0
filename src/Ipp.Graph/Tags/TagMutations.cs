using Ipp.Graph.Accounts;
using Ipp.Graph.Engine.Binding;
using Ipp.Graph.Engine.Execution;
using Ipp.Graph.GraphQL;
using Ipp.Graph.GraphQL.Mutations;
using Ipp.Graph.Tags.Entities;
using Ipp.Graph.Tags.Errors;

namespace Ipp.Graph.Tags;

/// <summary>
/// <c>createTag</c>, <c>renameTag</c> and <c>deleteTag</c> act on the caller's own tags (<c>tags:write</c>);
/// <c>createCustomTag</c>, <c>renameCustomTag</c> and <c>deleteCustomTag</c> on the custom ones (<c>tags:manage</c>).
/// The contract's rules check the permissions; the <see cref="TagService"/> does the rest.
/// </summary>
public static class TagMutations
{
    public static void Bind(SchemaBuilder schema)
    {
        schema
            .BindInput<CreateTagInput>("CreateTagInput")
            .BindInput<RenameTagInput>("RenameTagInput")
            .BindInput<DeleteTagInput>("DeleteTagInput")
            .BindInput<CreateTagInput>("CreateCustomTagInput")
            .BindInput<RenameTagInput>("RenameCustomTagInput")
            .BindInput<DeleteTagInput>("DeleteCustomTagInput")
            .BindType<TagPayload>("CreateTagPayload")
            .BindType<TagPayload>("RenameTagPayload")
            .BindType<DeleteTagPayload>("DeleteTagPayload")
            .BindType<TagPayload>("CreateCustomTagPayload")
            .BindType<TagPayload>("RenameCustomTagPayload")
            .BindType<DeleteTagPayload>("DeleteCustomTagPayload")
            .BindType<TagNotFoundError>("TagNotFoundError")
            .BindType<TagNameTakenError>("TagNameTakenError")
            .BindType<InvalidTagNameError>("InvalidTagNameError")
            .BindType<TagLimitReachedError>("TagLimitReachedError");
        BindKind(schema, "", own: true);
        BindKind(schema, "Custom", own: false);
    }

    /// <summary>The three mutations of one kind of tag: <c>create{kind}Tag</c>, <c>rename{kind}Tag</c>, <c>delete{kind}Tag</c>.</summary>
    private static void BindKind(SchemaBuilder schema, string kind, bool own)
    {
        long? Owner(ResolveContext context) => own ? context.RequireCaller().UserId : null;
        schema
            .ResolveMutation($"create{kind}Tag", async context =>
                new TagPayload { Tag = await Tags(context).CreateAsync(Owner(context), context.Input<CreateTagInput>().Name, context.CancellationToken) })
            .ResolveMutation($"rename{kind}Tag", async context =>
            {
                var input = context.Input<RenameTagInput>();
                return new TagPayload { Tag = await Tags(context).RenameAsync(Owner(context), input.Id, input.Name, context.CancellationToken) };
            })
            .ResolveMutation($"delete{kind}Tag", async context =>
                new DeleteTagPayload { DeletedId = await Tags(context).DeleteAsync(Owner(context), context.Input<DeleteTagInput>().Id, context.CancellationToken) });
    }

    private static TagService Tags(ResolveContext context) => context.Service<TagService>();
}

/// <summary>The <c>CreateTagInput</c> and <c>CreateCustomTagInput</c> input types.</summary>
public sealed record CreateTagInput(string Name);

/// <summary>The <c>RenameTagInput</c> and <c>RenameCustomTagInput</c> input types.</summary>
public sealed record RenameTagInput(string Id, string Name);

/// <summary>The <c>DeleteTagInput</c> and <c>DeleteCustomTagInput</c> input types.</summary>
public sealed record DeleteTagInput(string Id);

/// <summary>What the mutations answering a tag answer.</summary>
public sealed class TagPayload : MutationPayload
{
    /// <summary>The tag after the change.</summary>
    public Tag? Tag { get; init; }
}

/// <summary>What <c>deleteTag</c> and <c>deleteCustomTag</c> answer.</summary>
public sealed class DeleteTagPayload : MutationPayload
{
    /// <summary>The global id of the deleted tag.</summary>
    public string? DeletedId { get; init; }
}
