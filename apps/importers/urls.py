from django.urls import path

from apps.importers.views import documents

app_name = "importers"

urlpatterns = [
    path("", documents.document_upload, name="document-upload"),
    path("<uuid:document_upload_id>/", documents.document_preview, name="document-preview"),
]
