from django.urls import path

from . import views

app_name = "budget"

urlpatterns = [
    path("", views.index, name="index"),
    path("<int:pk>/", views.budget_detail, name="budget_detail"),
    path("<int:pk>/export.<str:fmt>", views.budget_export, name="budget_export"),
    path("<int:pk>/import/", views.budget_import, name="budget_import"),
    path(
        "<int:pk>/<str:action>/",
        views.budget_action,
        name="budget_action",
    ),
    path("expenses/", views.expense_list, name="expense_list"),
    path("expenses/new/", views.expense_create, name="expense_create"),
    path("expenses/<int:pk>/", views.expense_detail, name="expense_detail"),
    path("expenses/<int:pk>/receipt/", views.expense_receipt, name="expense_receipt"),
    path("expenses/<int:pk>/<str:action>/", views.expense_action, name="expense_action"),
]
