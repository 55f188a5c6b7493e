// The start-up baseline: a Worker that imports nothing.
export default {
  fetch(): Response {
    return Response.json({ statusCode: 200 })
  },
}
