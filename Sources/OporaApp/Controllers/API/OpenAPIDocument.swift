/// The OpenAPI 3 description of `/api/v1`. A test walks every path in it against the routes.
enum OpenAPIDocument {
    static let json = #"""
    {
      "openapi": "3.0.3",
      "info": {
        "title": "Опора API",
        "version": "1.0.0",
        "description": "Программа поддержки школ с НРО и НСУ: программы, разделы, направления, задачи, мероприятия и подтверждения. Доступ по токену, который выдаёт администратор; данные ограничены правами владельца токена."
      },
      "servers": [
        {
          "url": "/"
        }
      ],
      "security": [
        {
          "bearer": []
        }
      ],
      "paths": {
        "/api/v1/schools/{schoolID}/risk-profile": {
          "parameters": [
            {
              "$ref": "#/components/parameters/schoolID"
            },
            {
              "name": "year",
              "in": "query",
              "schema": {
                "type": "integer"
              },
              "description": "Год; по умолчанию текущий год программы"
            }
          ],
          "get": {
            "summary": "Профиль рисков школы: 10 факторов проекта «500+», подсказка Опоры со строками-основаниями и уровень методиста",
            "responses": {
              "422": {
                "$ref": "#/components/responses/Problem"
              },
              "200": {
                "description": "Профиль",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/RiskProfile"
                    }
                  }
                }
              },
              "401": {
                "$ref": "#/components/responses/Problem"
              },
              "403": {
                "$ref": "#/components/responses/Problem"
              },
              "404": {
                "$ref": "#/components/responses/Problem"
              }
            }
          }
        },
        "/api/v1/schools/{schoolID}/recommendations": {
          "parameters": [
            {
              "$ref": "#/components/parameters/schoolID"
            }
          ],
          "get": {
            "summary": "Адресные рекомендации школе и мероприятия, которые их выполняют",
            "responses": {
              "200": {
                "description": "Рекомендации",
                "content": {
                  "application/json": {
                    "schema": {
                      "type": "array",
                      "items": {
                        "$ref": "#/components/schemas/Recommendation"
                      }
                    }
                  }
                }
              },
              "401": {
                "$ref": "#/components/responses/Problem"
              },
              "403": {
                "$ref": "#/components/responses/Problem"
              },
              "404": {
                "$ref": "#/components/responses/Problem"
              }
            }
          }
        },
        "/api/v1/practices": {
          "parameters": [
            {
              "name": "q",
              "in": "query",
              "schema": {
                "type": "string"
              },
              "description": "Слова; ищутся все формы слова"
            },
            {
              "name": "direction",
              "in": "query",
              "schema": {
                "type": "string"
              }
            },
            {
              "name": "factor",
              "in": "query",
              "schema": {
                "type": "string"
              }
            },
            {
              "name": "school",
              "in": "query",
              "schema": {
                "type": "string",
                "format": "uuid"
              }
            }
          ],
          "get": {
            "summary": "База успешных практик: поиск по словам в любой форме, направлению, фактору риска, школе",
            "responses": {
              "422": {
                "$ref": "#/components/responses/Problem"
              },
              "200": {
                "description": "Практики",
                "content": {
                  "application/json": {
                    "schema": {
                      "type": "array",
                      "items": {
                        "$ref": "#/components/schemas/Practice"
                      }
                    }
                  }
                }
              },
              "401": {
                "$ref": "#/components/responses/Problem"
              }
            }
          }
        },
        "/api/v1/schools/{schoolID}/deficits": {
          "parameters": [
            {
              "$ref": "#/components/parameters/schoolID"
            }
          ],
          "get": {
            "summary": "Профессиональные дефициты педагогов школы по последней диагностике",
            "responses": {
              "200": {
                "description": "Педагоги и их дефициты",
                "content": {
                  "application/json": {
                    "schema": {
                      "type": "array",
                      "items": {
                        "$ref": "#/components/schemas/TeacherDeficits"
                      }
                    }
                  }
                }
              },
              "401": {
                "$ref": "#/components/responses/Problem"
              },
              "403": {
                "$ref": "#/components/responses/Problem"
              },
              "404": {
                "$ref": "#/components/responses/Problem"
              }
            }
          }
        },
        "/api/v1/schools/{schoolID}/development-plans": {
          "parameters": [
            {
              "$ref": "#/components/parameters/schoolID"
            }
          ],
          "get": {
            "summary": "Индивидуальные образовательные маршруты (ИОМ) педагогов школы",
            "responses": {
              "200": {
                "description": "Маршруты",
                "content": {
                  "application/json": {
                    "schema": {
                      "type": "array",
                      "items": {
                        "$ref": "#/components/schemas/DevelopmentPlan"
                      }
                    }
                  }
                }
              },
              "401": {
                "$ref": "#/components/responses/Problem"
              },
              "403": {
                "$ref": "#/components/responses/Problem"
              },
              "404": {
                "$ref": "#/components/responses/Problem"
              }
            }
          }
        },
        "/api/v1/teachers/{teacherID}/development-plan/draft": {
          "parameters": [
            {
              "name": "teacherID",
              "in": "path",
              "required": true,
              "schema": {
                "type": "string",
                "format": "uuid"
              }
            }
          ],
          "post": {
            "summary": "Составить черновик ИОМ по дефицитам (добавляет шаги по дефицитам без открытых шагов)",
            "responses": {
              "200": {
                "description": "Сколько шагов добавлено",
                "content": {
                  "application/json": {
                    "schema": {
                      "type": "object",
                      "required": [
                        "added"
                      ],
                      "properties": {
                        "added": {
                          "type": "integer"
                        }
                      }
                    }
                  }
                }
              },
              "401": {
                "$ref": "#/components/responses/Problem"
              },
              "403": {
                "$ref": "#/components/responses/Problem"
              },
              "404": {
                "$ref": "#/components/responses/Problem"
              }
            }
          }
        },
        "/api/v1/development-steps/{stepID}/complete": {
          "parameters": [
            {
              "name": "stepID",
              "in": "path",
              "required": true,
              "schema": {
                "type": "string",
                "format": "uuid"
              }
            }
          ],
          "post": {
            "summary": "Отметить шаг ИОМ выполненным; шаг-курс попадает в сведения о повышении квалификации (индикатор 2)",
            "requestBody": {
              "required": true,
              "content": {
                "application/json": {
                  "schema": {
                    "$ref": "#/components/schemas/StepCompletion"
                  }
                }
              }
            },
            "responses": {
              "200": {
                "description": "Выполненный шаг",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/DevelopmentStep"
                    }
                  }
                }
              },
              "401": {
                "$ref": "#/components/responses/Problem"
              },
              "403": {
                "$ref": "#/components/responses/Problem"
              },
              "404": {
                "$ref": "#/components/responses/Problem"
              },
              "422": {
                "$ref": "#/components/responses/Problem"
              },
              "415": {
                "$ref": "#/components/responses/Problem"
              }
            }
          }
        },
        "/api/v1/schools/{schoolID}/mentorships": {
          "parameters": [
            {
              "$ref": "#/components/parameters/schoolID"
            }
          ],
          "get": {
            "summary": "Наставнические пары школы и их встречи",
            "responses": {
              "200": {
                "description": "Пары",
                "content": {
                  "application/json": {
                    "schema": {
                      "type": "array",
                      "items": {
                        "$ref": "#/components/schemas/Mentorship"
                      }
                    }
                  }
                }
              },
              "401": {
                "$ref": "#/components/responses/Problem"
              },
              "403": {
                "$ref": "#/components/responses/Problem"
              },
              "404": {
                "$ref": "#/components/responses/Problem"
              }
            }
          },
          "post": {
            "summary": "Новая наставническая пара (наставляемый — педагог этой школы)",
            "requestBody": {
              "required": true,
              "content": {
                "application/json": {
                  "schema": {
                    "$ref": "#/components/schemas/MentorshipInput"
                  }
                }
              }
            },
            "responses": {
              "201": {
                "description": "Пары школы",
                "content": {
                  "application/json": {
                    "schema": {
                      "type": "array",
                      "items": {
                        "$ref": "#/components/schemas/Mentorship"
                      }
                    }
                  }
                }
              },
              "401": {
                "$ref": "#/components/responses/Problem"
              },
              "403": {
                "$ref": "#/components/responses/Problem"
              },
              "404": {
                "$ref": "#/components/responses/Problem"
              },
              "422": {
                "$ref": "#/components/responses/Problem"
              },
              "415": {
                "$ref": "#/components/responses/Problem"
              }
            }
          }
        },
        "/api/v1/mentorships/{mentorshipID}/meetings": {
          "parameters": [
            {
              "name": "mentorshipID",
              "in": "path",
              "required": true,
              "schema": {
                "type": "string",
                "format": "uuid"
              }
            }
          ],
          "post": {
            "summary": "Записать встречу наставнической пары",
            "requestBody": {
              "required": true,
              "content": {
                "application/json": {
                  "schema": {
                    "type": "object",
                    "required": [
                      "date",
                      "topic"
                    ],
                    "properties": {
                      "date": {
                        "type": "string",
                        "description": "15.09.2022 или 2022-09-15"
                      },
                      "topic": {
                        "type": "string"
                      }
                    }
                  }
                }
              }
            },
            "responses": {
              "201": {
                "description": "Встреча",
                "content": {
                  "application/json": {
                    "schema": {
                      "type": "object",
                      "required": [
                        "date",
                        "topic"
                      ],
                      "properties": {
                        "date": {
                          "type": "string",
                          "format": "date"
                        },
                        "topic": {
                          "type": "string"
                        }
                      }
                    }
                  }
                }
              },
              "401": {
                "$ref": "#/components/responses/Problem"
              },
              "403": {
                "$ref": "#/components/responses/Problem"
              },
              "404": {
                "$ref": "#/components/responses/Problem"
              },
              "422": {
                "$ref": "#/components/responses/Problem"
              },
              "415": {
                "$ref": "#/components/responses/Problem"
              }
            }
          }
        },
        "/api/v1/schools/{schoolID}/at-risk-families": {
          "parameters": [
            {
              "$ref": "#/components/parameters/schoolID"
            }
          ],
          "put": {
            "summary": "Число семей «зоны риска» школы за год (только число, без списков)",
            "requestBody": {
              "required": true,
              "content": {
                "application/json": {
                  "schema": {
                    "$ref": "#/components/schemas/AtRiskFamilies"
                  }
                }
              }
            },
            "responses": {
              "200": {
                "description": "Сохранено",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/AtRiskFamilies"
                    }
                  }
                }
              },
              "401": {
                "$ref": "#/components/responses/Problem"
              },
              "403": {
                "$ref": "#/components/responses/Problem"
              },
              "404": {
                "$ref": "#/components/responses/Problem"
              },
              "422": {
                "$ref": "#/components/responses/Problem"
              },
              "415": {
                "$ref": "#/components/responses/Problem"
              }
            }
          }
        },
        "/api/v1/consultations": {
          "get": {
            "summary": "Консультационные пункты и журнал консультаций (школа видит свои консультации)",
            "responses": {
              "200": {
                "description": "Пункты и консультации",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/Consultations"
                    }
                  }
                }
              },
              "401": {
                "$ref": "#/components/responses/Problem"
              }
            }
          },
          "post": {
            "summary": "Записать консультацию (методист, управление образования)",
            "requestBody": {
              "required": true,
              "content": {
                "application/json": {
                  "schema": {
                    "type": "object",
                    "required": [
                      "pointName",
                      "schoolID",
                      "date",
                      "topic"
                    ],
                    "properties": {
                      "pointName": {
                        "type": "string"
                      },
                      "schoolID": {
                        "type": "string",
                        "format": "uuid"
                      },
                      "teacherID": {
                        "type": "string",
                        "format": "uuid"
                      },
                      "date": {
                        "type": "string",
                        "description": "15.09.2022 или 2022-09-15"
                      },
                      "topic": {
                        "type": "string"
                      }
                    }
                  }
                }
              }
            },
            "responses": {
              "201": {
                "description": "Пункты и консультации",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/Consultations"
                    }
                  }
                }
              },
              "401": {
                "$ref": "#/components/responses/Problem"
              },
              "403": {
                "$ref": "#/components/responses/Problem"
              },
              "422": {
                "$ref": "#/components/responses/Problem"
              },
              "415": {
                "$ref": "#/components/responses/Problem"
              }
            }
          }
        },
        "/api/v1/schools/{schoolID}/student-support": {
          "parameters": [
            {
              "$ref": "#/components/parameters/schoolID"
            },
            {
              "name": "year",
              "in": "query",
              "schema": {
                "type": "integer"
              },
              "description": "Год; по умолчанию текущий год программы"
            }
          ],
          "get": {
            "summary": "Поддержка обучающихся школы за год: трудности, мотивация, внеурочная деятельность по классам, семьи «зоны риска»",
            "responses": {
              "422": {
                "$ref": "#/components/responses/Problem"
              },
              "200": {
                "description": "Сведения",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/StudentSupport"
                    }
                  }
                }
              },
              "401": {
                "$ref": "#/components/responses/Problem"
              },
              "403": {
                "$ref": "#/components/responses/Problem"
              },
              "404": {
                "$ref": "#/components/responses/Problem"
              }
            }
          }
        },
        "/api/v1/schools/{schoolID}/support-plans": {
          "parameters": [
            {
              "$ref": "#/components/parameters/schoolID"
            }
          ],
          "get": {
            "summary": "Индивидуальные планы сопровождения обучающихся (по кодам участников)",
            "responses": {
              "200": {
                "description": "Планы",
                "content": {
                  "application/json": {
                    "schema": {
                      "type": "array",
                      "items": {
                        "$ref": "#/components/schemas/SupportPlan"
                      }
                    }
                  }
                }
              },
              "401": {
                "$ref": "#/components/responses/Problem"
              },
              "403": {
                "$ref": "#/components/responses/Problem"
              },
              "404": {
                "$ref": "#/components/responses/Problem"
              }
            }
          },
          "post": {
            "summary": "Создать план или изменить план с тем же кодом участника",
            "requestBody": {
              "required": true,
              "content": {
                "application/json": {
                  "schema": {
                    "$ref": "#/components/schemas/SupportPlanInput"
                  }
                }
              }
            },
            "responses": {
              "200": {
                "description": "Сохранённый план",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/SupportPlan"
                    }
                  }
                }
              },
              "401": {
                "$ref": "#/components/responses/Problem"
              },
              "403": {
                "$ref": "#/components/responses/Problem"
              },
              "404": {
                "$ref": "#/components/responses/Problem"
              },
              "422": {
                "$ref": "#/components/responses/Problem"
              },
              "415": {
                "$ref": "#/components/responses/Problem"
              }
            }
          }
        },
        "/api/v1/schools": {
          "get": {
            "summary": "Школы муниципалитета",
            "responses": {
              "200": {
                "description": "Школы",
                "content": {
                  "application/json": {
                    "schema": {
                      "type": "array",
                      "items": {
                        "$ref": "#/components/schemas/School"
                      }
                    }
                  }
                }
              },
              "401": {
                "$ref": "#/components/responses/Problem"
              }
            }
          }
        },
        "/api/v1/schools/{schoolID}/context": {
          "parameters": [
            {
              "$ref": "#/components/parameters/schoolID"
            }
          ],
          "get": {
            "summary": "Социальные условия школы по годам",
            "responses": {
              "200": {
                "description": "Сведения",
                "content": {
                  "application/json": {
                    "schema": {
                      "type": "array",
                      "items": {
                        "$ref": "#/components/schemas/SocialContext"
                      }
                    }
                  }
                }
              },
              "401": {
                "$ref": "#/components/responses/Problem"
              },
              "403": {
                "$ref": "#/components/responses/Problem"
              },
              "404": {
                "$ref": "#/components/responses/Problem"
              }
            }
          },
          "put": {
            "summary": "Внести сведения за год (доли 0–1)",
            "requestBody": {
              "required": true,
              "content": {
                "application/json": {
                  "schema": {
                    "$ref": "#/components/schemas/SocialContextInput"
                  }
                }
              }
            },
            "responses": {
              "200": {
                "description": "Сохранённые сведения",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/SocialContext"
                    }
                  }
                }
              },
              "401": {
                "$ref": "#/components/responses/Problem"
              },
              "403": {
                "$ref": "#/components/responses/Problem"
              },
              "404": {
                "$ref": "#/components/responses/Problem"
              },
              "422": {
                "$ref": "#/components/responses/Problem"
              },
              "415": {
                "$ref": "#/components/responses/Problem"
              }
            }
          }
        },
        "/api/v1/schools/{schoolID}/results": {
          "parameters": [
            {
              "$ref": "#/components/parameters/schoolID"
            }
          ],
          "get": {
            "summary": "Результаты оценочных процедур школы",
            "responses": {
              "200": {
                "description": "Строки результатов",
                "content": {
                  "application/json": {
                    "schema": {
                      "type": "array",
                      "items": {
                        "$ref": "#/components/schemas/ResultRow"
                      }
                    }
                  }
                }
              },
              "401": {
                "$ref": "#/components/responses/Problem"
              },
              "403": {
                "$ref": "#/components/responses/Problem"
              },
              "404": {
                "$ref": "#/components/responses/Problem"
              }
            }
          }
        },
        "/api/v1/identification": {
          "parameters": [
            {
              "name": "year",
              "in": "query",
              "required": true,
              "schema": {
                "type": "integer"
              }
            }
          ],
          "get": {
            "summary": "Выявление школ НРО и НСУ за год с объяснениями",
            "responses": {
              "200": {
                "description": "Категории школ",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/Identification"
                    }
                  }
                }
              },
              "401": {
                "$ref": "#/components/responses/Problem"
              },
              "403": {
                "$ref": "#/components/responses/Problem"
              },
              "422": {
                "$ref": "#/components/responses/Problem"
              }
            }
          }
        },
        "/api/v1/imports/{kind}": {
          "parameters": [
            {
              "name": "kind",
              "in": "path",
              "required": true,
              "schema": {
                "type": "string",
                "enum": [
                  "schools",
                  "context",
                  "results",
                  "studentResults",
                  "teachers",
                  "staffPositions",
                  "trainings",
                  "checklist",
                  "gia",
                  "diagnostics",
                  "courses",
                  "studentSupport"
                ]
              }
            },
            {
              "name": "fileName",
              "in": "query",
              "schema": {
                "type": "string"
              },
              "description": "Имя файла: .csv или .xlsx"
            },
            {
              "name": "dryRun",
              "in": "query",
              "schema": {
                "type": "string"
              },
              "description": "1 — только проверить и сравнить"
            }
          ],
          "post": {
            "summary": "Загрузить файл CSV или XLSX (тело запроса — файл); одна транзакция",
            "requestBody": {
              "required": true,
              "content": {
                "application/octet-stream": {
                  "schema": {
                    "type": "string",
                    "format": "binary"
                  }
                }
              }
            },
            "responses": {
              "200": {
                "description": "Что изменилось",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/ImportReport"
                    }
                  }
                }
              },
              "401": {
                "$ref": "#/components/responses/Problem"
              },
              "403": {
                "$ref": "#/components/responses/Problem"
              },
              "404": {
                "$ref": "#/components/responses/Problem"
              },
              "413": {
                "$ref": "#/components/responses/Problem"
              },
              "422": {
                "$ref": "#/components/responses/Problem"
              }
            }
          }
        },
        "/api/v1/openapi.json": {
          "get": {
            "summary": "Этот документ",
            "security": [],
            "responses": {
              "200": {
                "description": "OpenAPI",
                "content": {
                  "application/json": {
                    "schema": {
                      "type": "object"
                    }
                  }
                }
              }
            }
          }
        },
        "/api/v1/programmes": {
          "get": {
            "summary": "Программы муниципалитета пользователя",
            "responses": {
              "200": {
                "description": "Программы",
                "content": {
                  "application/json": {
                    "schema": {
                      "type": "array",
                      "items": {
                        "$ref": "#/components/schemas/Programme"
                      }
                    }
                  }
                }
              },
              "401": {
                "$ref": "#/components/responses/Problem"
              }
            }
          }
        },
        "/api/v1/programmes/{programmeID}": {
          "parameters": [
            {
              "$ref": "#/components/parameters/programmeID"
            }
          ],
          "get": {
            "summary": "Паспорт и индикаторы программы",
            "responses": {
              "200": {
                "description": "Программа",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/ProgrammeDetail"
                    }
                  }
                }
              },
              "401": {
                "$ref": "#/components/responses/Problem"
              },
              "404": {
                "$ref": "#/components/responses/Problem"
              }
            }
          }
        },
        "/api/v1/programmes/{programmeID}/sections": {
          "parameters": [
            {
              "$ref": "#/components/parameters/programmeID"
            }
          ],
          "get": {
            "summary": "Разделы плана",
            "responses": {
              "200": {
                "description": "Разделы",
                "content": {
                  "application/json": {
                    "schema": {
                      "type": "array",
                      "items": {
                        "$ref": "#/components/schemas/Section"
                      }
                    }
                  }
                }
              },
              "401": {
                "$ref": "#/components/responses/Problem"
              },
              "404": {
                "$ref": "#/components/responses/Problem"
              }
            }
          }
        },
        "/api/v1/programmes/{programmeID}/directions": {
          "parameters": [
            {
              "$ref": "#/components/parameters/programmeID"
            }
          ],
          "get": {
            "summary": "Целевые направления",
            "responses": {
              "200": {
                "description": "Направления",
                "content": {
                  "application/json": {
                    "schema": {
                      "type": "array",
                      "items": {
                        "$ref": "#/components/schemas/Direction"
                      }
                    }
                  }
                }
              },
              "401": {
                "$ref": "#/components/responses/Problem"
              },
              "404": {
                "$ref": "#/components/responses/Problem"
              }
            }
          }
        },
        "/api/v1/programmes/{programmeID}/tasks": {
          "parameters": [
            {
              "$ref": "#/components/parameters/programmeID"
            }
          ],
          "get": {
            "summary": "Задачи на календарный год (Приложение 1)",
            "responses": {
              "200": {
                "description": "Задачи",
                "content": {
                  "application/json": {
                    "schema": {
                      "type": "array",
                      "items": {
                        "$ref": "#/components/schemas/Task"
                      }
                    }
                  }
                }
              },
              "401": {
                "$ref": "#/components/responses/Problem"
              },
              "404": {
                "$ref": "#/components/responses/Problem"
              }
            }
          }
        },
        "/api/v1/programmes/{programmeID}/measures": {
          "parameters": [
            {
              "$ref": "#/components/parameters/programmeID"
            },
            {
              "name": "section",
              "in": "query",
              "schema": {
                "type": "string"
              },
              "description": "Номер раздела"
            },
            {
              "name": "year",
              "in": "query",
              "schema": {
                "type": "string"
              }
            },
            {
              "name": "school",
              "in": "query",
              "schema": {
                "type": "string"
              },
              "description": "municipal или id школы"
            },
            {
              "name": "status",
              "in": "query",
              "schema": {
                "type": "string"
              },
              "description": "planned, inProgress, done, cancelled"
            },
            {
              "name": "overdue",
              "in": "query",
              "schema": {
                "type": "string"
              },
              "description": "1 — только просроченные"
            },
            {
              "name": "q",
              "in": "query",
              "schema": {
                "type": "string"
              },
              "description": "Слово из текста"
            }
          ],
          "get": {
            "summary": "Мероприятия с фильтрами",
            "responses": {
              "422": {
                "$ref": "#/components/responses/Problem"
              },
              "200": {
                "description": "Мероприятия",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/MeasureList"
                    }
                  }
                }
              },
              "401": {
                "$ref": "#/components/responses/Problem"
              },
              "404": {
                "$ref": "#/components/responses/Problem"
              }
            }
          }
        },
        "/api/v1/measures/{measureID}": {
          "parameters": [
            {
              "$ref": "#/components/parameters/measureID"
            }
          ],
          "get": {
            "summary": "Мероприятие",
            "responses": {
              "200": {
                "description": "Мероприятие",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/Measure"
                    }
                  }
                }
              },
              "401": {
                "$ref": "#/components/responses/Problem"
              },
              "403": {
                "$ref": "#/components/responses/Problem"
              },
              "404": {
                "$ref": "#/components/responses/Problem"
              }
            }
          },
          "patch": {
            "summary": "Изменить состояние, ответственных, срок или отметку о выполнении",
            "requestBody": {
              "required": true,
              "content": {
                "application/json": {
                  "schema": {
                    "$ref": "#/components/schemas/MeasurePatch"
                  }
                }
              }
            },
            "responses": {
              "200": {
                "description": "Мероприятие после изменения",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/Measure"
                    }
                  }
                }
              },
              "401": {
                "$ref": "#/components/responses/Problem"
              },
              "403": {
                "$ref": "#/components/responses/Problem"
              },
              "404": {
                "$ref": "#/components/responses/Problem"
              },
              "422": {
                "$ref": "#/components/responses/Problem"
              },
              "415": {
                "$ref": "#/components/responses/Problem"
              }
            }
          }
        },
        "/api/v1/measures/{measureID}/evidence": {
          "parameters": [
            {
              "$ref": "#/components/parameters/measureID"
            }
          ],
          "get": {
            "summary": "Файлы-подтверждения мероприятия",
            "responses": {
              "200": {
                "description": "Файлы",
                "content": {
                  "application/json": {
                    "schema": {
                      "type": "array",
                      "items": {
                        "$ref": "#/components/schemas/Evidence"
                      }
                    }
                  }
                }
              },
              "401": {
                "$ref": "#/components/responses/Problem"
              },
              "403": {
                "$ref": "#/components/responses/Problem"
              },
              "404": {
                "$ref": "#/components/responses/Problem"
              }
            }
          },
          "post": {
            "summary": "Приложить файл-подтверждение (тело запроса — файл)",
            "parameters": [
              {
                "name": "fileName",
                "in": "query",
                "required": true,
                "schema": {
                  "type": "string"
                }
              }
            ],
            "requestBody": {
              "required": true,
              "content": {
                "application/octet-stream": {
                  "schema": {
                    "type": "string",
                    "format": "binary"
                  }
                }
              }
            },
            "responses": {
              "201": {
                "description": "Файлы после загрузки",
                "content": {
                  "application/json": {
                    "schema": {
                      "type": "array",
                      "items": {
                        "$ref": "#/components/schemas/Evidence"
                      }
                    }
                  }
                }
              },
              "401": {
                "$ref": "#/components/responses/Problem"
              },
              "403": {
                "$ref": "#/components/responses/Problem"
              },
              "404": {
                "$ref": "#/components/responses/Problem"
              },
              "413": {
                "$ref": "#/components/responses/Problem"
              },
              "422": {
                "$ref": "#/components/responses/Problem"
              }
            }
          }
        }
      },
      "components": {
        "securitySchemes": {
          "bearer": {
            "type": "http",
            "scheme": "bearer"
          }
        },
        "parameters": {
          "programmeID": {
            "name": "programmeID",
            "in": "path",
            "required": true,
            "schema": {
              "type": "string",
              "format": "uuid"
            }
          },
          "schoolID": {
            "name": "schoolID",
            "in": "path",
            "required": true,
            "schema": {
              "type": "string",
              "format": "uuid"
            }
          },
          "measureID": {
            "name": "measureID",
            "in": "path",
            "required": true,
            "schema": {
              "type": "string",
              "format": "uuid"
            }
          }
        },
        "responses": {
          "Problem": {
            "description": "Ошибка (RFC 9457)",
            "content": {
              "application/problem+json": {
                "schema": {
                  "$ref": "#/components/schemas/Problem"
                }
              }
            }
          }
        },
        "schemas": {
          "MentorshipInput": {
            "type": "object",
            "required": [
              "mentorID",
              "menteeID",
              "youngSpecialist",
              "startsOn",
              "plan"
            ],
            "properties": {
              "mentorID": {
                "type": "string",
                "format": "uuid"
              },
              "menteeID": {
                "type": "string",
                "format": "uuid"
              },
              "youngSpecialist": {
                "type": "boolean"
              },
              "startsOn": {
                "type": "string"
              },
              "endsOn": {
                "type": "string"
              },
              "plan": {
                "type": "string"
              }
            }
          },
          "AtRiskFamilies": {
            "type": "object",
            "required": [
              "year",
              "families"
            ],
            "properties": {
              "year": {
                "type": "integer"
              },
              "families": {
                "type": "integer",
                "minimum": 0
              }
            }
          },
          "RiskProfile": {
            "type": "object",
            "required": [
              "year",
              "factors"
            ],
            "properties": {
              "year": {
                "type": "integer"
              },
              "factors": {
                "type": "array",
                "items": {
                  "type": "object",
                  "required": [
                    "key",
                    "title",
                    "directions",
                    "reason",
                    "rows",
                    "confirmed"
                  ],
                  "properties": {
                    "key": {
                      "type": "string"
                    },
                    "title": {
                      "type": "string"
                    },
                    "directions": {
                      "type": "array",
                      "items": {
                        "type": "string"
                      }
                    },
                    "suggestedLevel": {
                      "type": "string",
                      "enum": [
                        "high",
                        "medium",
                        "low",
                        "none"
                      ]
                    },
                    "reason": {
                      "type": "string"
                    },
                    "rows": {
                      "type": "array",
                      "items": {
                        "type": "string"
                      }
                    },
                    "level": {
                      "type": "string",
                      "enum": [
                        "high",
                        "medium",
                        "low",
                        "none"
                      ]
                    },
                    "confirmed": {
                      "type": "boolean"
                    },
                    "comment": {
                      "type": "string"
                    }
                  }
                }
              }
            }
          },
          "Recommendation": {
            "type": "object",
            "required": [
              "id",
              "year",
              "text",
              "status",
              "createdOn",
              "measures"
            ],
            "properties": {
              "id": {
                "type": "string",
                "format": "uuid"
              },
              "year": {
                "type": "integer"
              },
              "factor": {
                "type": "string"
              },
              "text": {
                "type": "string"
              },
              "status": {
                "type": "string",
                "enum": [
                  "proposed",
                  "accepted",
                  "inProgress",
                  "done",
                  "declined"
                ]
              },
              "createdOn": {
                "type": "string",
                "format": "date"
              },
              "measures": {
                "type": "array",
                "items": {
                  "type": "object",
                  "required": [
                    "id",
                    "name",
                    "status"
                  ],
                  "properties": {
                    "id": {
                      "type": "string",
                      "format": "uuid"
                    },
                    "name": {
                      "type": "string"
                    },
                    "status": {
                      "type": "string",
                      "enum": [
                        "planned",
                        "inProgress",
                        "done",
                        "cancelled"
                      ]
                    }
                  }
                }
              }
            }
          },
          "Practice": {
            "type": "object",
            "required": [
              "id",
              "title",
              "authors",
              "directions",
              "factors",
              "description",
              "results",
              "evidenceLevel",
              "isPublic"
            ],
            "properties": {
              "id": {
                "type": "string",
                "format": "uuid"
              },
              "title": {
                "type": "string"
              },
              "schoolID": {
                "type": "string",
                "format": "uuid"
              },
              "authors": {
                "type": "string"
              },
              "directions": {
                "type": "array",
                "items": {
                  "type": "string"
                }
              },
              "factors": {
                "type": "array",
                "items": {
                  "type": "string"
                }
              },
              "description": {
                "type": "string"
              },
              "results": {
                "type": "string"
              },
              "evidenceLevel": {
                "type": "string",
                "enum": [
                  "strong",
                  "moderate",
                  "promising",
                  "rationale"
                ]
              },
              "isPublic": {
                "type": "boolean"
              }
            }
          },
          "TeacherDeficits": {
            "type": "object",
            "required": [
              "teacherID",
              "teacherCode",
              "name",
              "position",
              "deficits"
            ],
            "properties": {
              "teacherID": {
                "type": "string",
                "format": "uuid"
              },
              "teacherCode": {
                "type": "string"
              },
              "name": {
                "type": "string"
              },
              "position": {
                "type": "string"
              },
              "latestDiagnostic": {
                "type": "string",
                "format": "date"
              },
              "deficits": {
                "type": "array",
                "items": {
                  "type": "object",
                  "required": [
                    "area",
                    "areaTitle",
                    "score",
                    "threshold",
                    "date",
                    "explanation"
                  ],
                  "properties": {
                    "area": {
                      "type": "string"
                    },
                    "areaTitle": {
                      "type": "string"
                    },
                    "score": {
                      "type": "number"
                    },
                    "threshold": {
                      "type": "number"
                    },
                    "date": {
                      "type": "string",
                      "format": "date"
                    },
                    "explanation": {
                      "type": "string"
                    }
                  }
                }
              }
            }
          },
          "DevelopmentStep": {
            "type": "object",
            "required": [
              "id",
              "area",
              "kind",
              "title",
              "form",
              "expectedResult",
              "deadline"
            ],
            "properties": {
              "id": {
                "type": "string",
                "format": "uuid"
              },
              "area": {
                "type": "string"
              },
              "kind": {
                "type": "string",
                "enum": [
                  "course",
                  "consultation",
                  "mentoring",
                  "practice",
                  "selfStudy"
                ]
              },
              "title": {
                "type": "string"
              },
              "form": {
                "type": "string"
              },
              "expectedResult": {
                "type": "string"
              },
              "deadline": {
                "type": "string",
                "format": "date"
              },
              "completedOn": {
                "type": "string",
                "format": "date"
              },
              "evidence": {
                "type": "string"
              }
            }
          },
          "DevelopmentPlan": {
            "type": "object",
            "required": [
              "teacherID",
              "teacherCode",
              "name",
              "createdOn",
              "total",
              "done",
              "overdue",
              "percent",
              "steps"
            ],
            "properties": {
              "teacherID": {
                "type": "string",
                "format": "uuid"
              },
              "teacherCode": {
                "type": "string"
              },
              "name": {
                "type": "string"
              },
              "createdOn": {
                "type": "string",
                "format": "date"
              },
              "total": {
                "type": "integer"
              },
              "done": {
                "type": "integer"
              },
              "overdue": {
                "type": "integer"
              },
              "percent": {
                "type": "integer"
              },
              "steps": {
                "type": "array",
                "items": {
                  "$ref": "#/components/schemas/DevelopmentStep"
                }
              }
            }
          },
          "StepCompletion": {
            "type": "object",
            "required": [
              "completedOn",
              "evidence"
            ],
            "properties": {
              "completedOn": {
                "type": "string",
                "description": "15.03.2022 или 2022-03-15"
              },
              "evidence": {
                "type": "string",
                "description": "Номер удостоверения, ссылка или название документа"
              }
            }
          },
          "Mentorship": {
            "type": "object",
            "required": [
              "id",
              "mentor",
              "mentee",
              "youngSpecialist",
              "startsOn",
              "plan",
              "meetings"
            ],
            "properties": {
              "id": {
                "type": "string",
                "format": "uuid"
              },
              "mentor": {
                "type": "string"
              },
              "mentee": {
                "type": "string"
              },
              "youngSpecialist": {
                "type": "boolean"
              },
              "startsOn": {
                "type": "string",
                "format": "date"
              },
              "endsOn": {
                "type": "string",
                "format": "date"
              },
              "plan": {
                "type": "string"
              },
              "meetings": {
                "type": "array",
                "items": {
                  "type": "object",
                  "required": [
                    "date",
                    "topic"
                  ],
                  "properties": {
                    "date": {
                      "type": "string",
                      "format": "date"
                    },
                    "topic": {
                      "type": "string"
                    }
                  }
                }
              }
            }
          },
          "Consultations": {
            "type": "object",
            "required": [
              "points",
              "consultations"
            ],
            "properties": {
              "points": {
                "type": "array",
                "items": {
                  "type": "object",
                  "required": [
                    "name",
                    "tutors",
                    "areas",
                    "schedule"
                  ],
                  "properties": {
                    "name": {
                      "type": "string"
                    },
                    "tutors": {
                      "type": "string"
                    },
                    "areas": {
                      "type": "array",
                      "items": {
                        "type": "string"
                      }
                    },
                    "schedule": {
                      "type": "string"
                    }
                  }
                }
              },
              "consultations": {
                "type": "array",
                "items": {
                  "type": "object",
                  "required": [
                    "date",
                    "point",
                    "school",
                    "topic"
                  ],
                  "properties": {
                    "date": {
                      "type": "string",
                      "format": "date"
                    },
                    "point": {
                      "type": "string"
                    },
                    "school": {
                      "type": "string"
                    },
                    "teacher": {
                      "type": "string"
                    },
                    "topic": {
                      "type": "string"
                    }
                  }
                }
              }
            }
          },
          "StudentSupport": {
            "type": "object",
            "required": [
              "year",
              "grades"
            ],
            "properties": {
              "year": {
                "type": "integer"
              },
              "atRiskFamilies": {
                "type": "integer"
              },
              "grades": {
                "type": "array",
                "items": {
                  "type": "object",
                  "required": [
                    "id",
                    "schoolCode",
                    "year",
                    "grade"
                  ],
                  "properties": {
                    "id": {
                      "type": "string"
                    },
                    "schoolCode": {
                      "type": "string"
                    },
                    "year": {
                      "type": "integer"
                    },
                    "grade": {
                      "type": "integer"
                    },
                    "difficulties": {
                      "type": "integer"
                    },
                    "motivationLow": {
                      "type": "integer"
                    },
                    "motivationMedium": {
                      "type": "integer"
                    },
                    "motivationHigh": {
                      "type": "integer"
                    },
                    "extracurricular": {
                      "type": "integer"
                    }
                  }
                }
              }
            }
          },
          "SupportPlan": {
            "type": "object",
            "required": [
              "participantCode",
              "goal",
              "measures",
              "specialistRole",
              "reviewDates"
            ],
            "properties": {
              "participantCode": {
                "type": "string"
              },
              "grade": {
                "type": "integer"
              },
              "goal": {
                "type": "string"
              },
              "measures": {
                "type": "string"
              },
              "specialistRole": {
                "type": "string"
              },
              "reviewDates": {
                "type": "array",
                "items": {
                  "type": "string",
                  "format": "date"
                }
              },
              "outcome": {
                "type": "string"
              }
            }
          },
          "SupportPlanInput": {
            "type": "object",
            "required": [
              "participantCode",
              "goal",
              "measures",
              "specialistRole",
              "reviewDates"
            ],
            "properties": {
              "participantCode": {
                "type": "string",
                "description": "Код участника, например 7А-015; имена не принимаются"
              },
              "grade": {
                "type": "integer"
              },
              "goal": {
                "type": "string"
              },
              "measures": {
                "type": "string"
              },
              "specialistRole": {
                "type": "string",
                "enum": [
                  "педагог-психолог",
                  "учитель-логопед",
                  "учитель-дефектолог",
                  "социальный педагог",
                  "тьютор",
                  "классный руководитель",
                  "учитель-предметник"
                ]
              },
              "reviewDates": {
                "type": "array",
                "items": {
                  "type": "string"
                },
                "description": "Даты 15.12.2021 или 2021-12-15"
              },
              "outcome": {
                "type": "string"
              }
            }
          },
          "School": {
            "type": "object",
            "required": [
              "id",
              "code",
              "name",
              "shortName",
              "participating"
            ],
            "properties": {
              "id": {
                "type": "string",
                "format": "uuid"
              },
              "code": {
                "type": "string"
              },
              "name": {
                "type": "string"
              },
              "shortName": {
                "type": "string"
              },
              "settlement": {
                "type": "string"
              },
              "type": {
                "type": "string"
              },
              "distanceKm": {
                "type": "number"
              },
              "participating": {
                "type": "boolean"
              }
            }
          },
          "SocialContext": {
            "type": "object",
            "required": [
              "year",
              "schoolCode"
            ],
            "properties": {
              "year": {
                "type": "integer"
              },
              "schoolCode": {
                "type": "string"
              },
              "students": {
                "type": "integer"
              },
              "lowIncomeShare": {
                "type": "number"
              },
              "incompleteFamilyShare": {
                "type": "number"
              },
              "noHigherEducationShare": {
                "type": "number"
              },
              "nonNativeShare": {
                "type": "number"
              },
              "preventiveRegisterShare": {
                "type": "number"
              }
            }
          },
          "SocialContextInput": {
            "type": "object",
            "required": [
              "year"
            ],
            "properties": {
              "year": {
                "type": "integer"
              },
              "students": {
                "type": "integer",
                "minimum": 0
              },
              "lowIncomeShare": {
                "type": "number",
                "minimum": 0,
                "maximum": 1
              },
              "incompleteFamilyShare": {
                "type": "number",
                "minimum": 0,
                "maximum": 1
              },
              "noHigherEducationShare": {
                "type": "number",
                "minimum": 0,
                "maximum": 1
              },
              "nonNativeShare": {
                "type": "number",
                "minimum": 0,
                "maximum": 1
              },
              "preventiveRegisterShare": {
                "type": "number",
                "minimum": 0,
                "maximum": 1
              }
            }
          },
          "ResultRow": {
            "type": "object",
            "required": [
              "year",
              "procedure",
              "schoolCode",
              "participants",
              "fails"
            ],
            "properties": {
              "year": {
                "type": "integer"
              },
              "schoolCode": {
                "type": "string"
              },
              "procedure": {
                "type": "object",
                "required": [
                  "kind",
                  "grade",
                  "subject"
                ],
                "properties": {
                  "kind": {
                    "type": "string",
                    "enum": [
                      "vpr",
                      "oge",
                      "ege",
                      "regional",
                      "municipal"
                    ]
                  },
                  "grade": {
                    "type": "integer"
                  },
                  "subject": {
                    "type": "string"
                  }
                }
              },
              "participants": {
                "type": "integer"
              },
              "fails": {
                "type": "integer"
              },
              "marks3": {
                "type": "integer"
              },
              "marks4": {
                "type": "integer"
              },
              "marks5": {
                "type": "integer"
              },
              "meanScore": {
                "type": "number"
              }
            }
          },
          "Identification": {
            "type": "object",
            "required": [
              "year",
              "methodologyVersion",
              "parameters",
              "years",
              "schools"
            ],
            "properties": {
              "year": {
                "type": "integer"
              },
              "methodologyVersion": {
                "type": "integer"
              },
              "parameters": {
                "type": "object"
              },
              "years": {
                "type": "array",
                "items": {
                  "type": "integer"
                }
              },
              "schools": {
                "type": "array",
                "items": {
                  "type": "object",
                  "required": [
                    "code",
                    "name",
                    "category",
                    "categoryRussian",
                    "lowResults",
                    "adverseConditions",
                    "criteriaMet",
                    "lowYears",
                    "biasFlags",
                    "explanation"
                  ],
                  "properties": {
                    "code": {
                      "type": "string"
                    },
                    "name": {
                      "type": "string"
                    },
                    "category": {
                      "type": "string",
                      "enum": [
                        "lowResultsAndAdverse",
                        "lowResults",
                        "resilient",
                        "adverse",
                        "none",
                        "insufficientData"
                      ]
                    },
                    "categoryRussian": {
                      "type": "string"
                    },
                    "lowResults": {
                      "type": "boolean"
                    },
                    "adverseConditions": {
                      "type": "boolean"
                    },
                    "composite": {
                      "type": "number"
                    },
                    "socialIndex": {
                      "type": "number"
                    },
                    "criteriaMet": {
                      "type": "integer"
                    },
                    "lowYears": {
                      "type": "array",
                      "items": {
                        "type": "integer"
                      }
                    },
                    "biasFlags": {
                      "type": "array",
                      "items": {
                        "type": "string"
                      }
                    },
                    "explanation": {
                      "type": "array",
                      "items": {
                        "type": "string"
                      }
                    }
                  }
                }
              }
            }
          },
          "ImportReport": {
            "type": "object",
            "required": [
              "written",
              "added",
              "replaced",
              "unchanged",
              "summary"
            ],
            "properties": {
              "written": {
                "type": "boolean"
              },
              "added": {
                "type": "integer"
              },
              "replaced": {
                "type": "integer"
              },
              "unchanged": {
                "type": "integer"
              },
              "summary": {
                "type": "string"
              }
            }
          },
          "Problem": {
            "type": "object",
            "required": [
              "type",
              "title",
              "status",
              "detail"
            ],
            "properties": {
              "type": {
                "type": "string"
              },
              "title": {
                "type": "string"
              },
              "status": {
                "type": "integer"
              },
              "detail": {
                "type": "string"
              },
              "errors": {
                "type": "object",
                "additionalProperties": {
                  "type": "string"
                }
              }
            }
          },
          "Programme": {
            "type": "object",
            "required": [
              "id",
              "name",
              "startYear",
              "endYear",
              "municipalityID"
            ],
            "properties": {
              "id": {
                "type": "string",
                "format": "uuid"
              },
              "name": {
                "type": "string"
              },
              "startYear": {
                "type": "integer"
              },
              "endYear": {
                "type": "integer"
              },
              "municipalityID": {
                "type": "string",
                "format": "uuid"
              }
            }
          },
          "Passport": {
            "type": "object",
            "required": [
              "name",
              "developers",
              "executors",
              "goal",
              "tasks",
              "indicators",
              "term",
              "mechanism",
              "expectedResults",
              "control"
            ],
            "properties": {
              "name": {
                "type": "string"
              },
              "basis": {
                "type": "array",
                "items": {
                  "type": "string"
                }
              },
              "terms": {
                "type": "array",
                "items": {
                  "type": "string"
                }
              },
              "developers": {
                "type": "string"
              },
              "executors": {
                "type": "string"
              },
              "goal": {
                "type": "string"
              },
              "tasks": {
                "type": "array",
                "items": {
                  "type": "string"
                }
              },
              "indicatorsIntro": {
                "type": "string"
              },
              "indicators": {
                "type": "array",
                "items": {
                  "type": "string"
                }
              },
              "term": {
                "type": "string"
              },
              "startYear": {
                "type": "integer"
              },
              "endYear": {
                "type": "integer"
              },
              "mechanism": {
                "type": "string"
              },
              "expectedResults": {
                "type": "array",
                "items": {
                  "type": "string"
                }
              },
              "control": {
                "type": "string"
              }
            }
          },
          "Indicator": {
            "type": "object",
            "required": [
              "id",
              "number",
              "title",
              "unit",
              "baselineYear",
              "targets"
            ],
            "properties": {
              "id": {
                "type": "string",
                "format": "uuid"
              },
              "number": {
                "type": "integer"
              },
              "title": {
                "type": "string"
              },
              "unit": {
                "type": "string"
              },
              "baselineYear": {
                "type": "integer"
              },
              "baseline": {
                "type": "number",
                "nullable": true
              },
              "targets": {
                "type": "array",
                "items": {
                  "type": "object",
                  "required": [
                    "year",
                    "value"
                  ],
                  "properties": {
                    "year": {
                      "type": "integer"
                    },
                    "value": {
                      "type": "number"
                    }
                  }
                }
              }
            }
          },
          "ProgrammeDetail": {
            "type": "object",
            "required": [
              "id",
              "name",
              "years",
              "passport",
              "indicators"
            ],
            "properties": {
              "id": {
                "type": "string",
                "format": "uuid"
              },
              "name": {
                "type": "string"
              },
              "years": {
                "type": "array",
                "items": {
                  "type": "integer"
                }
              },
              "passport": {
                "$ref": "#/components/schemas/Passport"
              },
              "indicators": {
                "type": "array",
                "items": {
                  "$ref": "#/components/schemas/Indicator"
                }
              }
            }
          },
          "Section": {
            "type": "object",
            "required": [
              "id",
              "number",
              "title",
              "expectedResult"
            ],
            "properties": {
              "id": {
                "type": "string",
                "format": "uuid"
              },
              "number": {
                "type": "integer"
              },
              "title": {
                "type": "string"
              },
              "expectedResult": {
                "type": "string"
              }
            }
          },
          "Direction": {
            "type": "object",
            "required": [
              "id",
              "sectionNumber",
              "code",
              "title"
            ],
            "properties": {
              "id": {
                "type": "string",
                "format": "uuid"
              },
              "sectionNumber": {
                "type": "integer"
              },
              "code": {
                "type": "string"
              },
              "title": {
                "type": "string"
              }
            }
          },
          "Task": {
            "type": "object",
            "required": [
              "id",
              "directionCode",
              "text",
              "years"
            ],
            "properties": {
              "id": {
                "type": "string",
                "format": "uuid"
              },
              "directionCode": {
                "type": "string"
              },
              "text": {
                "type": "string"
              },
              "years": {
                "type": "array",
                "items": {
                  "type": "integer"
                }
              }
            }
          },
          "MeasureRow": {
            "type": "object",
            "required": [
              "id",
              "programmeID",
              "sectionNumber",
              "directionCode",
              "directionTitle",
              "taskText",
              "year",
              "name",
              "status",
              "overdue"
            ],
            "properties": {
              "id": {
                "type": "string",
                "format": "uuid"
              },
              "programmeID": {
                "type": "string",
                "format": "uuid"
              },
              "sectionNumber": {
                "type": "integer"
              },
              "directionCode": {
                "type": "string"
              },
              "directionTitle": {
                "type": "string"
              },
              "taskText": {
                "type": "string"
              },
              "year": {
                "type": "integer"
              },
              "name": {
                "type": "string"
              },
              "deadline": {
                "type": "string",
                "format": "date"
              },
              "deadlineText": {
                "type": "string"
              },
              "responsible": {
                "type": "string"
              },
              "product": {
                "type": "string"
              },
              "status": {
                "type": "string",
                "enum": [
                  "planned",
                  "inProgress",
                  "done",
                  "cancelled"
                ]
              },
              "overdue": {
                "type": "boolean"
              },
              "cancelReason": {
                "type": "string"
              },
              "completedOn": {
                "type": "string",
                "format": "date"
              },
              "completedBy": {
                "type": "string"
              },
              "completionComment": {
                "type": "string"
              },
              "evidenceLink": {
                "type": "string"
              },
              "schoolID": {
                "type": "string",
                "format": "uuid"
              },
              "schoolName": {
                "type": "string"
              }
            }
          },
          "MeasureList": {
            "type": "object",
            "required": [
              "total",
              "overdue",
              "counts",
              "items"
            ],
            "properties": {
              "total": {
                "type": "integer"
              },
              "overdue": {
                "type": "integer"
              },
              "counts": {
                "type": "object",
                "additionalProperties": {
                  "type": "integer"
                }
              },
              "items": {
                "type": "array",
                "items": {
                  "$ref": "#/components/schemas/MeasureRow"
                }
              }
            }
          },
          "Evidence": {
            "type": "object",
            "required": [
              "id",
              "fileName",
              "contentType",
              "size",
              "uploadedBy"
            ],
            "properties": {
              "id": {
                "type": "string",
                "format": "uuid"
              },
              "fileName": {
                "type": "string"
              },
              "contentType": {
                "type": "string"
              },
              "size": {
                "type": "integer"
              },
              "uploadedBy": {
                "type": "string"
              },
              "uploadedAt": {
                "type": "string",
                "format": "date-time"
              }
            }
          },
          "Measure": {
            "type": "object",
            "required": [
              "measure",
              "evidence",
              "canEdit"
            ],
            "properties": {
              "measure": {
                "$ref": "#/components/schemas/MeasureRow"
              },
              "evidence": {
                "type": "array",
                "items": {
                  "$ref": "#/components/schemas/Evidence"
                }
              },
              "canEdit": {
                "type": "boolean"
              }
            }
          },
          "MeasurePatch": {
            "type": "object",
            "properties": {
              "status": {
                "type": "string",
                "enum": [
                  "planned",
                  "inProgress",
                  "done",
                  "cancelled"
                ]
              },
              "responsible": {
                "type": "string"
              },
              "deadline": {
                "type": "string",
                "description": "2020-08-15 или 15.08.2020"
              },
              "completedOn": {
                "type": "string"
              },
              "completedBy": {
                "type": "string"
              },
              "comment": {
                "type": "string"
              },
              "cancelReason": {
                "type": "string"
              },
              "evidenceLink": {
                "type": "string"
              }
            }
          }
        }
      }
    }
    """#
}
