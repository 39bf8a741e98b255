## Идеи и проблемы
idea-need-district = Сначала выберите свой район: /start
idea-limit = Можно отправить не больше { $limit } идей и проблем в день. Попробуйте завтра.
idea-ask-kind = Что вы хотите отправить?
idea-kind-idea = 💡 Идея
idea-kind-problem = ⚠️ Проблема
idea-ask-category = Тема:
idea-cat-improvement = Благоустройство
idea-cat-lighting = Освещение
idea-cat-roads = Дороги и переходы
idea-cat-rubbish = Мусор
idea-cat-playgrounds = Детские и спортивные площадки
idea-cat-transport = Транспорт
idea-cat-leisure = Досуг
idea-cat-other = Другое
idea-ask-place = Где это? Отправьте точку (📎 → Геопозиция) или напишите адрес.
idea-outside = Эта точка вне вашего города. Отправьте место в городе или напишите адрес.
idea-ask-text = Опишите (до 2000 знаков):
idea-ask-photos = Можно приложить до 5 фото. Пришлите их или нажмите «Без фото».
idea-no-photos = Без фото
idea-summary =
    <b>Проверьте</b>
    { $kind }: { $category }
    Где: { $place }
    { $text }
    Фото: { $photos }
idea-point = точка на карте
idea-nearby = Рядом уже есть похожие ({ $count }). Может быть, поддержите их вместо новой?
idea-nearby-line = № { $id }: { $text } (поддержали: { $supporters })
idea-support = 👍 Поддержать № { $id }
idea-send-anyway = Всё равно отправить
idea-sent = Спасибо! № { $id } отправлено сотрудникам района. Ответ придёт сюда, статус — /myideas
idea-already-sent = Это уже отправлено.
idea-supported = Спасибо, ваш голос учтён. Поддержали: { $count }.
idea-support-twice = Вы уже поддержали № { $id }.
idea-support-elsewhere = Поддержать можно идеи и проблемы своего района или те, что рядом с местом вашей заявки.
idea-support-own = Это ваше предложение.
idea-support-closed = Этот вопрос уже закрыт.
idea-status-new = новое
idea-status-accepted = принято
idea-status-in_progress = в работе
idea-status-resolved = решено
idea-status-rejected = отклонено
myideas-empty = Вы ещё ничего не отправляли. Идея или проблема: /idea
deadlines-title = Сроки ответа на идеи и проблемы, в рабочих днях. Новые обращения получат новый срок.
deadlines-button = { $category } — { $days }
deadlines-ask = Сколько рабочих дней на ответ: «{ $category }»? Напишите число от 1 до 60.
deadlines-saved = «{ $category }»: { $days } рабочих дней на ответ.
deadlines-city-only = Сроки ответа задают администраторы города.
myideas-title = <b>Мои идеи и проблемы</b>
myideas-line = № { $id } { $category }: { $status }{ $answer }
myideas-answer = { " " }— ответ: { $answer }
idea-text-erased = (текст удалён по просьбе автора)
idea-card =
    <b>№ { $id }</b> { $kind } · { $category } · { $status }
    { $district }. { $place }
    { $text }
    Поддержали: { $supporters }
idea-card-answer = Ответ: { $answer }
idea-status-changed = По вашему обращению № { $id } новый статус: { $status }.{ $answer }
idea-status-supporter = Обращение № { $id }, которое вы поддержали, — новый статус: { $status }.{ $answer }
idea-solved-question = Проблема решена?
idea-solved-yes = ✅ Да
idea-solved-no = ❌ Нет, не решено
idea-solved-thanks = Спасибо, что ответили!
idea-not-resolved-now = Это обращение уже не в статусе «решено» — спасибо, ответ не нужен.
idea-ask-what-wrong = Что осталось не так? Напишите коротко (до 500 знаков) — обращение откроется снова.
idea-reopened = Обращение № { $id } открыто снова. Сотрудники района увидят ваш комментарий.
idea-rate-ask = Спасибо! Оцените, пожалуйста, ответ:
idea-rated = Спасибо за оценку: { $rating } из 5.
idea-card-reopened = ↩️ Автор: «не решено» ({ $times }): { $comment }
idea-card-rating = Оценка автора: { $rating } из 5
neighbours-button = 💡 Идеи района
neighbours-title = <b>Идеи района: { $district }</b> — открытые, самые поддержанные сверху. Если ваша уже есть — поддержите её.
neighbours-line = № { $id } [👍 { $supporters }] { $category } — { $status }: { $text }
neighbours-support = 👍 № { $id }
neighbours-map = 🗺 № { $id }
neighbours-none = Пока ничего — станьте первым: /idea
myideas-add = ➕ Добавить к № { $id }
idea-add-ask = Пришлите фото или напишите, что добавить к обращению.
idea-added = Добавлено к обращению № { $id }. Сотрудники увидят это в карточке.
idea-add-closed = Обращение уже закрыто — добавить нельзя. Новое: /idea
idea-add-photos-full = Фото больше не поместится: их уже 10.
ideas-ask-answer-photo = Ответ автору для статуса «{ $status }» (до 1000 знаков). Можно прислать фото «после» с ответом в подписи.
idea-card-after-photo = 📷 Есть фото «после».
idea-alert-one = 🆕 Новая проблема — { $district }:
idea-alert-many = 🆕 Новых проблем: { $count } — { $district }:
idea-alert-line = № { $id } { $category }: { $text }
idea-alert-open = 📋 Открыть список
idea-take = 🛠 Взять в работу
idea-taken-staff = № { $id } — в работе у вас. Ответ автору: кнопка статуса в /ideas.
idea-taken-author = Ваше обращение № { $id } взяли в работу. О решении бот сообщит.
idea-already-taken = № { $id } уже { $status }: { $who }.
idea-overdue = ⏰ Срок ответа прошёл: { $count } — { $district }:
ideas-title = <b>Идеи и проблемы: { $district }</b> ({ $filter })
ideas-filter-open = открытые
ideas-none = Ничего не найдено.
ideas-line = { $late }№ { $id } [{ $supporters }] { $category }: { $text }
ideas-open = Открыть № { $id }
ideas-move = ➡️ В другой район
ideas-ask-answer = Ответ автору для статуса «{ $status }» (до 1000 знаков):
ideas-ask-reason = Причина отказа (её увидит автор):
ideas-status-set = № { $id }: { $status }. Автору сообщено.
ideas-choose-district = В какой район передать?
ideas-moved = № { $id } передано: { $district }.
ideas-not-your-district = Это обращение другого района.
digest-text = 📬 Идеи и проблемы района { $district } за неделю: новых { $new }, без ответа больше 7 дней: { $overdue }. Открыть: /ideas
