using Ipp.Graph.Accounts;
using Ipp.Graph.Engine.Binding;
using Ipp.Graph.Engine.Execution;
using Ipp.Graph.GraphQL;
using Ipp.Graph.GraphQL.Mutations;
using Ipp.Graph.Images.Errors;

namespace Ipp.Graph.Images;

/// <summary>
/// <c>createImage</c>, <c>renameImage</c>, <c>setImageRoles</c>, <c>setImageParameters</c> and <c>deleteImage</c>
/// (each needs <c>images:manage</c>, which the contract's rule checks), each one transaction of the
/// <see cref="ImageService"/>. One mutation per change, as TrainMate's endpoints (rename, roles), rather than one
/// <c>updateImage</c> of optional fields: each payload's errors are exactly those its change can meet, and a client
/// never has to tell "leave as is" from "clear" (an empty list of roles or parameters is a value).
/// </summary>
public static class ImageMutations
{
    public static void Bind(SchemaBuilder schema) =>
        schema
            .BindInput<CreateImageInput>("CreateImageInput")
            .BindInput<ImageParameterInput>("ImageParameterInput")
            .BindInput<ApplicationChoiceInput>("ApplicationChoiceInput")
            .BindInput<RenameImageInput>("RenameImageInput")
            .BindInput<SetImageRolesInput>("SetImageRolesInput")
            .BindInput<SetImageParametersInput>("SetImageParametersInput")
            .BindInput<DeleteImageInput>("DeleteImageInput")
            .BindType<ImagePayload>("CreateImagePayload")
            .BindType<ImagePayload>("RenameImagePayload")
            .BindType<ImagePayload>("SetImageRolesPayload")
            .BindType<ImagePayload>("SetImageParametersPayload")
            .BindType<DeleteImagePayload>("DeleteImagePayload")
            .BindType<ImageNotFoundError>("ImageNotFoundError")
            .BindType<ImageInUseError>("ImageInUseError")
            .BindType<ImageNameTakenError>("ImageNameTakenError")
            .BindType<ImagePathTakenError>("ImagePathTakenError")
            .BindType<InvalidImageNameError>("InvalidImageNameError")
            .BindType<InvalidImagePathError>("InvalidImagePathError")
            .BindType<InvalidImageParametersError>("InvalidImageParametersError")
            .BindType<ImageParameterProblem>("ImageParameterProblem")
            .ResolveMutation("createImage", async context =>
            {
                var input = context.Input<CreateImageInput>();
                return Payload(await Images(context).CreateAsync(input.Name, input.Path, input.Parameters, input.Roles, context.CancellationToken));
            })
            .ResolveMutation("renameImage", async context =>
            {
                var input = context.Input<RenameImageInput>();
                return Payload(await Images(context).RenameAsync(context.RequireCaller(), input.Id, input.Name, context.CancellationToken));
            })
            .ResolveMutation("setImageRoles", async context =>
            {
                var input = context.Input<SetImageRolesInput>();
                return Payload(await Images(context).SetRolesAsync(context.RequireCaller(), input.Id, input.Roles, context.CancellationToken));
            })
            .ResolveMutation("setImageParameters", async context =>
            {
                var input = context.Input<SetImageParametersInput>();
                return Payload(await Images(context).SetParametersAsync(context.RequireCaller(), input.Id, input.Parameters, context.CancellationToken));
            })
            .ResolveMutation("deleteImage", async context =>
                new DeleteImagePayload { DeletedId = (await Images(context).DeleteAsync(context.RequireCaller(), context.Input<DeleteImageInput>().Id, context.CancellationToken)).Id });

    private static ImagePayload Payload(ImageView image) => new() { Image = image };

    private static ImageService Images(ResolveContext context) => context.Service<ImageService>();
}

/// <summary>The <c>CreateImageInput</c> input type.</summary>
public sealed record CreateImageInput(string Name, string Path, IReadOnlyList<ImageParameterInput> Parameters, IReadOnlyList<Role> Roles);

/// <summary>The <c>RenameImageInput</c> input type.</summary>
public sealed record RenameImageInput(string Id, string Name);

/// <summary>The <c>SetImageRolesInput</c> input type.</summary>
public sealed record SetImageRolesInput(string Id, IReadOnlyList<Role> Roles);

/// <summary>The <c>SetImageParametersInput</c> input type.</summary>
public sealed record SetImageParametersInput(string Id, IReadOnlyList<ImageParameterInput> Parameters);

/// <summary>The <c>DeleteImageInput</c> input type.</summary>
public sealed record DeleteImageInput(string Id);

/// <summary>What the mutations answering an image answer (their payload types).</summary>
public sealed class ImagePayload : MutationPayload
{
    /// <summary>The image after the change.</summary>
    public ImageView? Image { get; init; }
}

/// <summary>What <c>deleteImage</c> answers (the <c>DeleteImagePayload</c> type).</summary>
public sealed class DeleteImagePayload : MutationPayload
{
    /// <summary>The global id of the deleted image.</summary>
    public string? DeletedId { get; init; }
}
