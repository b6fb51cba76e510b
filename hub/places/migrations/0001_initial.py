"""Governorates and municipalities, moved from projects_db to their own app (issue 12) with their tables.

This migration replaces projects_db's former 0001_initial, which created exactly these two tables: on a database
where that migration was applied, Django counts this one as applied too (and records it), so nothing is created
twice and no data moves; on a new database it creates the tables under their old names (Meta.db_table). The
portal-check columns, added later by projects_db's 0002 on old databases, are part of the model from the start
here. Other apps' migrations depend on this one instead of projects_db's, so the user model no longer depends on
projects_db.
"""

import django.core.validators
import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True

    replaces = [("projects_db", "0001_initial")]

    dependencies = []

    operations = [
        migrations.CreateModel(
            name="Governorate",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("name_ar", models.CharField(max_length=100, verbose_name="name (Arabic)")),
                ("name_en", models.CharField(max_length=100, verbose_name="name (English)")),
                ("slug", models.SlugField(allow_unicode=True, max_length=120, unique=True, verbose_name="slug")),
                (
                    "country",
                    models.CharField(
                        choices=[("PS", "Palestine"), ("JO", "Jordan")],
                        default="PS",
                        max_length=2,
                        verbose_name="country",
                    ),
                ),
            ],
            options={
                "verbose_name": "governorate",
                "verbose_name_plural": "governorates",
                "db_table": "projects_db_governorate",
                "ordering": ["name_en"],
            },
        ),
        migrations.CreateModel(
            name="Municipality",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("name_ar", models.CharField(max_length=150, verbose_name="name (Arabic)")),
                ("name_en", models.CharField(max_length=150, verbose_name="name (English)")),
                (
                    "slug",
                    models.SlugField(
                        allow_unicode=True,
                        help_text="Used in the address of the municipality's page; Arabic letters are allowed.",
                        max_length=160,
                        unique=True,
                        verbose_name="slug",
                    ),
                ),
                (
                    "kind",
                    models.CharField(
                        choices=[
                            ("municipality", "Municipality"),
                            ("village_council", "Village council"),
                            ("joint_council", "Joint council"),
                        ],
                        default="municipality",
                        max_length=20,
                        verbose_name="type",
                    ),
                ),
                ("portal_url", models.URLField(blank=True, verbose_name="portal address")),
                ("population", models.PositiveIntegerField(blank=True, null=True, verbose_name="population")),
                (
                    "latitude",
                    models.DecimalField(
                        blank=True,
                        decimal_places=6,
                        max_digits=9,
                        null=True,
                        validators=[
                            django.core.validators.MinValueValidator(-90),
                            django.core.validators.MaxValueValidator(90),
                        ],
                        verbose_name="latitude",
                    ),
                ),
                (
                    "longitude",
                    models.DecimalField(
                        blank=True,
                        decimal_places=6,
                        max_digits=9,
                        null=True,
                        validators=[
                            django.core.validators.MinValueValidator(-180),
                            django.core.validators.MaxValueValidator(180),
                        ],
                        verbose_name="longitude",
                    ),
                ),
                (
                    "is_partner",
                    models.BooleanField(
                        default=False,
                        help_text="A partner municipality outside Palestine.",
                        verbose_name="partner from abroad",
                    ),
                ),
                (
                    "governorate",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="municipalities",
                        to="places.governorate",
                        verbose_name="governorate",
                    ),
                ),
                ("portal_ok", models.BooleanField(blank=True, null=True, verbose_name="portal reachable")),
                ("portal_status", models.CharField(blank=True, max_length=200, verbose_name="portal check result")),
                ("portal_checked_at", models.DateTimeField(blank=True, null=True, verbose_name="portal checked at")),
            ],
            options={
                "verbose_name": "municipality",
                "verbose_name_plural": "municipalities",
                "db_table": "projects_db_municipality",
                "ordering": ["name_en"],
            },
        ),
    ]
