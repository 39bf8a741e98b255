## Конкурсы: участникам
contests-none = Сейчас нет открытых конкурсов.
contests-title = <b>Открытые конкурсы</b>
contests-line = «{ $title }» — заявки до { $deadline }
contest-card =
    <b>{ $title }</b>
    { $description }
    Заявки до: { $deadline }
    Номинации:
    { $nominations }
contest-rules = Положение: { $rules }
contest-apply = 📝 Подать заявку
contest-not-for-you = В этом конкурсе участвуют: { $who }.
contest-who-residents = жители
contest-who-elders = старшие и активисты ТОС
contest-who-staff = центры по работе с населением
contest-closed = Приём заявок закончился { $deadline }. Подать или изменить заявку уже нельзя.
contest-need-district = Сначала выберите свой район: /start
contest-need-consent = Для заявки нужно согласие на обработку данных: /start
apply-ask-nomination = Номинация:
apply-ask-street = Улица:
apply-ask-house = Номер дома:
apply-ask-entrance = Номер подъезда:
apply-ask-apartment = Номер квартиры (для окна или балкона):
apply-ask-committee = Окружной комитет ТОС:
apply-ask-center = Центр:
apply-ask-description = Расскажите о работе (до { $max_length } знаков):
apply-ask-photos = Пришлите от 1 до { $limit } фото (можно альбомом), потом «Готово».
apply-ask-name = Ответственный: фамилия и имя
apply-ask-phone = Телефон ответственного — кнопкой «📱 Поделиться контактом» внизу.
apply-summary =
    <b>{ $title }</b>
    Конкурс: { $contest }
    Номинация: { $nomination }
    Адрес: { $address }
    Описание: { $description }
    Фото: { $photos }
    Ответственный: { $name }, { $phone }
apply-title-new = Проверьте заявку
apply-title-edit = Заявка № { $id }: проверьте изменения
apply-edit-nomination = Номинация
apply-edit-address = Адрес
apply-edit-description = Описание
apply-edit-photos = Фото
apply-edit-responsible = Ответственный
apply-duplicate = На эту номинацию по этому адресу уже есть заявка № { $id }. Вторую подать нельзя.
apply-duplicate-open = Открыть заявку № { $id }
apply-sent = Заявка № { $id } подана. Статус: /myapplications
apply-already-sent = Эта заявка уже отправлена.
apply-incomplete = Заполнены не все шаги. Нажмите «Изменить».
apply-address-entrance = { $street }, д. { $house }, подъезд { $entrance }
apply-address-window = { $street }, д. { $house }, кв. { $apartment }
apply-address-house = { $street }, д. { $house }
myapps-empty = У вас нет заявок. Конкурсы: /contests
myapps-title = <b>Мои заявки</b>
myapps-line = № { $id } «{ $contest }», { $nomination }: { $status }
app-status-submitted = подана
app-status-withdrawn = отозвана
app-status-city = на городском этапе
app-status-scoring = на оценке
app-status-winner = победитель, { $place } место
app-status-participant = участник
app-open = Открыть № { $id }
app-card-title = <b>№ { $id }</b> «{ $title }»
app-edit = ✏️ Изменить
app-withdraw = 🗑 Отозвать
app-withdrawn = Заявка № { $id } отозвана.
app-not-yours = Это не ваша заявка.
app-cannot-change = Заявку уже нельзя изменить: конкурс на оценке.

## Жюри
jury-none = Вы не в жюри открытого этапа ни одного конкурса.
jury-done = Все заявки этапа оценены. Спасибо!
jury-card =
    <b>Заявка № { $id }</b> — { $nomination }
    { $district }, { $address }
    { $description }
    Осталось оценить: { $left }
jury-ask-criterion = Оценка «{ $criterion }» ({ $lowest }–{ $highest }):
jury-ask-comment = Комментарий (необязательно):
jury-saved = Оценка заявки № { $id } сохранена.
jury-already = Вы уже оценили эту заявку.
jury-out-of-range = Оценка — от { $lowest } до { $highest }.

## Администраторам
cadmin-title = <b>Конкурсы</b>
cadmin-line = № { $id } «{ $title }» — { $stage }, заявок: { $count }
cadmin-new-template = ➕ Из шаблона
cadmin-new-scratch = ➕ С нуля
cadmin-choose-template = Какой конкурс?
cadmin-ask-title = Название конкурса:
cadmin-ask-nominations = Номинации — по одной в строке:
cadmin-ask-deadline = Срок подачи заявок (дата), например: 31 декабря или 31.12.2026
cadmin-ask-audience = Кому объявить о конкурсе?
cadmin-audience-all = 🌐 Все жители
cadmin-audience-municipality = { $name } — весь
cadmin-created = Конкурс № { $id } «{ $title }» создан: { $count ->
        [one] { $count } номинация
        [few] { $count } номинации
       *[other] { $count } номинаций
    }, заявки до { $deadline }. Объявление об открытии отправляется.
cadmin-bad-nominations = Нужна хотя бы одна номинация (до { $most }, по строке на каждую).
cadmin-card =
    <b>№ { $id } «{ $title }»</b>
    Этап: { $stage }. Заявки до { $deadline }.
    Жюри: { $jurors }
cadmin-progress-line = { $nomination } / { $district }: заявок { $count }, оценено { $scored }
cadmin-no-applications = Заявок пока нет.
stage-apply = приём заявок
stage-district = районный этап (оценка)
stage-city = городской этап (оценка)
stage-ranking = подведение итогов
stage-published = итоги опубликованы
cadmin-next-stage = ⏭ Закрыть этап
cadmin-ranking = 🏅 Рейтинг
cadmin-publish = 📣 Опубликовать итоги
cadmin-own-results = ✍️ Итоги своими словами
cadmin-ask-results = Напишите итоги конкурса так, как их получат жители (до { $max } знаков). Перед отправкой покажу, как это выглядит, и сколько человек получат.
cadmin-xlsx = 📊 Таблица для Excel
cadmin-stage-moved = Этап: { $stage }.
cadmin-advanced = На городской этап прошло заявок: { $count }.
cadmin-ranking-title = <b>Рейтинг «{ $title }»</b>
cadmin-ranking-nomination = <b>{ $nomination }</b>
cadmin-ranking-line = { $place } № { $id } — { NUMBER($total, minimumFractionDigits: 2, maximumFractionDigits: 2) } балла ({ $jurors } жюри), { $address }
cadmin-ranking-tie = ⚖️ Равные баллы у № { $ids }: поставьте места кнопками ниже.
cadmin-ranking-tie-later = ⚖️ Равные баллы у № { $ids }: места поставите на этапе «подведение итогов».
cadmin-place-set = Заявка № { $id }: место { $place }.
cadmin-place-chosen = ✅ № { $id }: { $place } место
cadmin-place-wrong-stage = Места ставятся на этапе подведения итогов.
cadmin-published = Итоги опубликованы: победителей { $winners }, сообщения отправляются.
cadmin-unresolved = Есть равные баллы без мест — поставьте места кнопками в «🏅 Рейтинг» перед публикацией.
jury-added = { $who } — в жюри конкурса № { $id }: { $stage }.
jury-choose-stage = Какой этап будет оценивать?
jury-stage-district = районный этап
jury-stage-city = городской этап
cadmin-juror = { $who } ({ $stage })
cadmin-edit-rules = 📜 Положение
cadmin-edit-criteria = ⚖️ Критерии
cadmin-ask-rules =
    Положение о конкурсе — его увидят на карточке конкурса. Сейчас: { $current }
    Пришлите текст (до { $max } знаков).
cadmin-ask-criteria =
    По каким критериям жюри ставит баллы? Сейчас: { $current }
    Пришлите по строке на критерий (до { $max }), например: оформление
cadmin-rules-saved = Положение сохранено: оно на карточке конкурса.
cadmin-criteria-saved = Критерии сохранены.
cadmin-bad-criteria = Нужно от 1 до { $max } критериев по строке на каждый, каждый — { $shortest }–{ $longest } знаков.
cadmin-criteria-late = Критерии меняются только до оценки: жюри уже оценивает по прежним.
cadmin-add-juror = 👩‍⚖️ Добавить в жюри
cadmin-place-button = № { $id }: { $place } место
jury-exists = Уже в жюри этого этапа.
contest-winner = 🏆 Поздравляем! Ваша заявка № { $id } («{ $nomination }») заняла { $place } место в конкурсе «{ $title }».
contest-results-line = { $place } место — { $address }
contest-default-criteria = оформление;творческий подход;участие жителей
