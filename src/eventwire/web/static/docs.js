// Swagger UI over the server's own OpenAPI description (no CDN: the bundle is served from vendor/).
window.ui = SwaggerUIBundle({ url: "/openapi.json", dom_id: "#swagger-ui", deepLinking: true });
